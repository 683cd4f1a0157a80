"""The words and number formats pages print, so a page needs nothing from the package but `kutorejo_data.ui`."""

from kutorejo_data.core.formatting import fmt_int
from kutorejo_data.core.i18n import category_label, t

__all__ = ["category_label", "fmt_int", "t"]
