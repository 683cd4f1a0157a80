"""The photo fields of the forms (Lapor, Ubah status, Tugas saya): up to 4 from the gallery or the phone's camera,
read and re-encoded on submit, and the notices about them (a GPS position used, or ignored) after the save."""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.uploaded_file_manager import UploadedFile

from kutorejo_data.core.i18n import t
from kutorejo_data.intake.photos import (
    MAX_PHOTO_MEGABYTES,
    UPLOAD_TYPES,
    Notice,
    PreparedPhotos,
    Upload,
    prepare_photos,
)
from kutorejo_data.records.photos import first_gps
from kutorejo_data.ui.kit.text import escape_markdown


def _generation(prefix: str) -> int:
    return int(st.session_state.get(f"{prefix}_foto_gen", 0))


def uploader_key(prefix: str) -> str:
    """The uploader's widget key; a new one after each save empties it (an uploader cannot be set from code)."""
    return f"{prefix}_foto_{_generation(prefix)}"


def camera_key(prefix: str) -> str:
    """The camera's widget key, renewed like the uploader's."""
    return f"{prefix}_kamera_{_generation(prefix)}"


def render_camera_toggle(prefix: str, lang: str) -> None:
    """A switch for the live camera (outside the form: the camera asks for permission only once it is wanted)."""
    st.toggle(t("photo.camera_toggle", lang), key=f"{prefix}_kamera_on")


def render_photo_fields(prefix: str, lang: str, label_key: str = "photo.field_before") -> None:
    """The uploader (several files, camera or gallery) and, when switched on, the live camera."""
    st.file_uploader(
        t(label_key, lang),
        type=list(UPLOAD_TYPES),
        accept_multiple_files=True,
        key=uploader_key(prefix),
        max_upload_size=MAX_PHOTO_MEGABYTES,
        help=t("photo.field_help", lang),
    )
    if st.session_state.get(f"{prefix}_kamera_on"):
        st.camera_input(t("photo.camera", lang), key=camera_key(prefix))


def _uploads(value: object) -> list[Upload]:
    files = value if isinstance(value, list) else [value]
    return [Upload(file.name, file.getvalue()) for file in files if isinstance(file, UploadedFile)]


def prepare(prefix: str) -> PreparedPhotos:
    """The form's photos in their stored form; raises ServiceError (naming the file) for a refused one."""
    state = st.session_state
    state.pop(f"{prefix}_foto_notices", None)
    return prepare_photos([*_uploads(state.get(uploader_key(prefix))), *_uploads(state.get(camera_key(prefix)))])


def saved(prefix: str, prepared: PreparedPhotos, *, coordinates_typed: bool) -> None:
    """After a successful save: empty the fields and keep the notices to show once (GPS used or ignored)."""
    state = st.session_state
    state[f"{prefix}_foto_gen"] = _generation(prefix) + 1
    notices = list(prepared.notices)
    gps = first_gps(prepared.photos)
    if gps is not None and not coordinates_typed:
        notices.insert(0, Notice("photo.gps_used", {"lat": gps[0], "lon": gps[1]}))
    state[f"{prefix}_foto_notices"] = notices


def _value(name: str, value: object) -> str:
    if name in ("lat", "lon") and isinstance(value, float):
        return f"{value:.5f}"  # as map apps write coordinates, whatever the language's decimal mark
    return escape_markdown(str(value))


def render_notices(prefix: str, lang: str) -> None:
    """The notices of the last save, under its confirmation."""
    for notice in st.session_state.get(f"{prefix}_foto_notices") or []:
        values = {name: _value(name, value) for name, value in notice.values.items()}
        icon = ":material/location_on:" if notice.key == "photo.gps_used" else ":material/location_off:"
        st.info(t(notice.key, lang, **values), icon=icon)


def forget_notices(prefix: str) -> None:
    """The reader moved on: the last save's notices are no longer about what they see."""
    st.session_state.pop(f"{prefix}_foto_notices", None)
