"""The browser benchmark's clock (benchmarks/browser.py): what counts as a drawn change of the page."""

from __future__ import annotations

from benchmarks.browser import ARM, CANVAS_DRAWS, OBSERVER, SETTLED, TIMES

# A page's text, a canvas (as the data grid draws its cells) and the canvas's fallback content (the grid's hidden copy
# of its cells, for screen readers).
PAGE = """<div data-testid="stMain">
  <p id="text">lama</p>
  <canvas id="grid" width="200" height="40"><table><tr><td id="cell">lama</td></tr></table></canvas>
</div>"""
# After the click: the text changes at once, the canvas is drawn 100 ms later, its fallback updated 600 ms later.
CHANGES = """() => new Promise((done) => {
  document.getElementById('text').textContent = 'baru';
  setTimeout(() => document.getElementById('grid').getContext('2d').fillText('baru', 4, 20), 100);
  setTimeout(() => { document.getElementById('cell').textContent = 'baru'; done(); }, 600);
})"""


def test_a_canvas_drawing_is_a_drawn_change_and_its_fallback_content_is_not(desktop) -> None:  # type: ignore[no-untyped-def]
    desktop.set_content(PAGE)
    desktop.evaluate(CANVAS_DRAWS)
    desktop.evaluate(OBSERVER)
    desktop.evaluate(ARM)
    desktop.click("#text")
    desktop.evaluate(CHANGES)
    desktop.wait_for_function(SETTLED, timeout=10_000, polling=100)
    drawn, any_change = desktop.evaluate(TIMES)
    assert 100 <= drawn < 600 <= any_change


def test_without_a_canvas_the_last_drawn_change_is_the_last_change(desktop) -> None:  # type: ignore[no-untyped-def]
    desktop.set_content('<div data-testid="stMain"><p id="text">lama</p><p id="later">lama</p></div>')
    desktop.evaluate(OBSERVER)
    desktop.evaluate(ARM)
    desktop.click("#text")
    desktop.evaluate("() => setTimeout(() => { document.getElementById('later').textContent = 'baru'; }, 300)")
    desktop.wait_for_function(SETTLED, timeout=10_000, polling=100)
    drawn, any_change = desktop.evaluate(TIMES)
    assert 300 <= drawn == any_change
