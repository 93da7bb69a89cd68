"""The Qt widgets: station screen, log screen, main window. They talk only to station services."""
