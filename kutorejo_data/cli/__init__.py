"""The command line, `python -m kutorejo_data ...`: argument parsing and printing only, one module per command.

Holds: the parser and dispatch (main), shared argument checks (args), and the commands demo, export, imports,
whatsapp (import-whatsapp), report, backup and users; the work itself is done by the subpackages they call.

May import: anything below ui.
"""
