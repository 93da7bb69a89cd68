"""``checkpoint residents import|list``: the residents registry, a module each.

``import`` reads a file and words its report in the station's language (QtCore); ``list`` needs the
database only.
"""
