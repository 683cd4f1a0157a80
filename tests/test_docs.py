"""The README tells the truth: every command, option, environment variable and URL parameter it names exists.

Modelled on sqlite-utils' tests/test_docs.py: the documentation is read as data and checked against the code.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from kutorejo_data.cli.main import _build_parser
from kutorejo_data.ui.frame.url_params import URL_PARAMETERS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PACKAGE_SOURCE = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "kutorejo_data").rglob("*.py"))
SETUP_SOURCE = "\n".join(
    path.read_text(encoding="utf-8")
    for path in (ROOT / "tests" / "conftest.py", ROOT / ".ci" / "run", ROOT / "Makefile")
)


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = _build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _documented_invocations() -> list[str]:
    """Each `python -m kutorejo_data ...` line of the README, with its `\\` continuation lines joined."""
    text = README.replace("\\\n", " ")
    return [match.group(1) for match in re.finditer(r"python -m kutorejo_data ([^\n`#]+)", text)]


def _options_of(parser: argparse.ArgumentParser) -> set[str]:
    return {option for action in parser._actions for option in action.option_strings}


@pytest.mark.parametrize("invocation", _documented_invocations())
def test_every_documented_command_and_option_exists(invocation: str) -> None:
    words = invocation.split()
    command = words[0].lstrip("[")
    commands = _subcommands()
    assert command in commands, f"README names `{command}`, which the command line does not have"
    options = {re.sub(r"[\[\]=].*$", "", word.strip("[]")) for word in words[1:] if word.lstrip("[").startswith("-")}
    assert options <= _options_of(commands[command]) | {"--database-url"}, invocation


def test_every_command_is_documented() -> None:
    documented = {invocation.split()[0] for invocation in _documented_invocations()}
    assert set(_subcommands()) <= documented


def test_every_documented_environment_variable_is_read() -> None:
    documented = set(re.findall(r"\bKUTOREJO_[A-Z_]+\b", README))
    assert documented, "the README names no settings?"
    for name in sorted(documented):
        assert f'"{name}"' in PACKAGE_SOURCE or name in SETUP_SOURCE, f"README names {name}, which nothing reads"


def test_every_environment_variable_the_package_reads_is_documented() -> None:
    read = set(re.findall(r'"(KUTOREJO_[A-Z_]+)"', PACKAGE_SOURCE))
    assert read - set(re.findall(r"\bKUTOREJO_[A-Z_]+\b", README)) == set()


def test_every_documented_url_parameter_is_one_the_app_reads() -> None:
    documented = {
        name
        for query in re.findall(r"\?([a-z_]+=[^\s`)]*)", README)
        for name in re.findall(r"(?:^|&)([a-z_]+)=", query)
    }
    assert documented, "the README shows no links?"
    assert documented - set(URL_PARAMETERS) == set()


def test_every_url_parameter_the_app_reads_is_documented() -> None:
    assert {name for name in URL_PARAMETERS if f"`{name}`" not in README and f"{name}=" not in README} == set()


def test_every_file_the_docs_name_exists() -> None:
    docs = README + (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    named = set(
        re.findall(r"(?<![\w/.])((?:kutorejo_data|tests|benchmarks|scripts|docs)/[\w/.-]+\.(?:py|md|csv|png))", docs)
    )
    assert named, "the docs name no files?"
    assert {path for path in named if not (ROOT / path).exists()} == set()
