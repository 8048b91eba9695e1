#!/usr/bin/env python3
"""tests/browser/drag_source.py PATH... — a small GTK window (at 20, 900 on the Xvfb screen) whose
button offers the given files and folders as a drag (text/uri-list), as a file manager does,
so a test can drop a real folder on the browser with the X server's own mouse events."""
import sys
import urllib.parse

import gi

gi.require_version("Gtk", "3.0")
from gi.repository import Gdk, Gtk  # noqa: E402

uris = ["file://" + urllib.parse.quote(path) for path in sys.argv[1:]]
window = Gtk.Window(title="ssmix-drag-source")
window.move(20, 900)
window.set_default_size(200, 100)
button = Gtk.Button(label="drag me")
button.drag_source_set(Gdk.ModifierType.BUTTON1_MASK, [], Gdk.DragAction.COPY)
button.drag_source_add_uri_targets()
button.connect("drag-data-get", lambda _widget, _context, data, _info, _time: data.set_uris(uris))
window.add(button)
window.connect("destroy", Gtk.main_quit)
window.show_all()
Gtk.main()
