"""``checkpoint passes keygen|issue|verify|revoke``: the deployment's own signed passes, a module each.

Their costs differ: ``issue`` paints a QR card (QtGui), ``verify`` reads images (OpenCV), ``keygen`` and
``revoke`` need the database only.
"""
