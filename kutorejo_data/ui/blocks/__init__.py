"""The blocks of each page (a module per page or form), so pages stay thin: read widgets, call a block, render.

May import: ui.frame, ui.kit and every subpackage below ui.
"""
