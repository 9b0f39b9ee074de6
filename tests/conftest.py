from hypothesis import settings

# The same examples on every run: a red CI run can be reproduced, a green one is not luck.
settings.register_profile("book", derandomize=True, deadline=None)
settings.load_profile("book")
