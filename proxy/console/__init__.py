"""The console: what people use to see and correct beliefs.

Operators: the admin API (``admin``), exports and flywheel health (``exports``), the dashboard
(``dashboard``). End users: the preferences page (``pages``) and its JSON twin ``/v1/me``
(``me``), both built on ``preferences``. Shared request dependencies live in ``deps``.
"""

from . import paths  # noqa: F401  (registers the {user_id:user} path convertor before routes compile)
