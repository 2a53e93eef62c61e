"""The exceptions newscheck raises.

    NewscheckError
    ├── SettingsError        a settings file or flag is wrong
    ├── InputError           an input cannot be read as a report (the batch goes on)
    ├── ModelError           a model package is missing or fails to load
    ├── NotInstalledError    an optional extra is needed (web, ray, postgres)
    ├── StoreError           the analysis store cannot be opened, read or written
    │   └── AnalysisBusy     an analysis still queued or running cannot be deleted
    └── ServerError          the HTTP server cannot start (its port is taken...)

Messages say what went wrong and what to do about it.
"""

from __future__ import annotations


class NewscheckError(Exception):
    """Base of every newscheck error."""


class SettingsError(NewscheckError):
    """A settings file or flag is malformed or names an unknown key."""


class InputError(NewscheckError):
    """One input cannot be analysed; its message is the one-line reason shown to the user."""


class ModelError(NewscheckError):
    """A model package is missing or cannot be loaded."""


class NotInstalledError(NewscheckError):
    """An optional dependency is needed for this feature."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(
            f"{package} is not installed; install it with: pip install 'newscheck[{extra}]'"
        )


class StoreError(NewscheckError):
    """The analysis store (SQLite file or PostgreSQL database) cannot be opened or used."""


class ServerError(NewscheckError):
    """``newscheck serve`` cannot start: the address cannot be listened on."""


class AnalysisBusy(StoreError):
    """An analysis cannot be deleted yet: it is ``queued`` or ``running``."""

    def __init__(self, analysis_id: str, status: str) -> None:
        super().__init__(
            f"analysis '{analysis_id}' is {status}: wait for it to finish, then delete it"
        )
        self.analysis_id = analysis_id
        self.status = status
