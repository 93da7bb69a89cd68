"""``checkpoint bench decode|log|verify|pipeline``: a module per bench, each imported only when run.

Their costs differ (``decode``: OpenCV; ``verify``: a signature check; ``log`` and ``pipeline``: Qt widgets
and the whole station), so ``checkpoint bench --help`` and ``bench decode`` load no Qt. The benches
themselves are in ``checkpoint.bench``; these modules parse, run and print.
"""
