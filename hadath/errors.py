"""Every user-facing error of hadath, in one place.

Each error names the input it is about and says what to do about it. The batch
layer turns any :class:`HadathError` into an error record
(``{"doc_id": ..., "error": {"code", "message", "fix"}}``) so a run never loses
an article silently.
"""
from __future__ import annotations


class HadathError(Exception):
    """Base class: a message naming the input, and the fix."""

    code = "E000"

    def __init__(self, message: str, fix: str = "", *, source: str | None = None):
        self.message = message
        self.fix = fix
        self.source = source
        super().__init__(f"{message}" + (f" Fix: {fix}" if fix else ""))

    def to_dict(self) -> dict:
        out = {"code": self.code, "type": type(self).__name__, "message": self.message, "fix": self.fix}
        if self.source is not None:
            out["source"] = self.source
        return out


class InputNotFound(HadathError):
    code = "E001"


class UnsupportedEncoding(HadathError):
    code = "E002"


class BadInputRecord(HadathError):
    """A JSONL line that is not a JSON object with the expected fields."""

    code = "E003"


class EmptyArticle(HadathError):
    code = "E004"


class HtmlExtractionFailed(HadathError):
    code = "E005"


class BadDate(HadathError):
    code = "E006"


class PipelineConfigError(HadathError):
    """A pipeline whose stages do not fit together (missing requirements, unknown stage)."""

    code = "E010"


class LexiconError(HadathError):
    """A lexicon data file that is malformed: missing header, bad code, duplicate key."""

    code = "E020"


class ModelMissing(HadathError):
    code = "E030"


class GoldFormatError(HadathError):
    code = "E040"


class PredictionFormatError(HadathError):
    code = "E041"


class StageFailed(HadathError):
    """An unexpected failure inside a pipeline stage, wrapped with the article it happened on."""

    code = "E050"


class UnreadableInput(HadathError):
    """An input that exists but cannot be read: no permission, a corrupt or truncated gzip file."""

    code = "E007"


class UnsupportedInputType(HadathError):
    """A file whose suffix names no input format hadath reads."""

    code = "E008"


class StoreLocked(HadathError):
    """A store file that another process holds: DuckDB allows one writer, or readers only."""

    code = "E060"


class StoreNotFound(HadathError):
    code = "E061"


class StoreVersionMismatch(HadathError):
    """A store written by a hadath whose tables differ from this one's."""

    code = "E062"


class QueryRefused(HadathError):
    """Raw SQL that would change the store, or that DuckDB cannot run."""

    code = "E063"


class BackendUnavailable(HadathError):
    """A parallel backend that cannot start: conflicting options, an unreachable Dask scheduler."""

    code = "E064"


class ExportTargetExists(HadathError):
    code = "E065"


class BadOption(HadathError):
    """An option value outside its choices (an export format, an output kind)."""

    code = "E066"


class ResourceNotFound(HadathError):
    """An HTTP API path, article or other record that does not exist."""

    code = "E070"


class InvalidRequest(HadathError):
    """An HTTP API request whose parameters or body do not fit the endpoint."""

    code = "E071"


class WriteForbidden(HadathError):
    """A write to a server started read-only, or without the server's token."""

    code = "E072"


class RequestTooLarge(HadathError):
    """An HTTP API request body over the server's size limit."""

    code = "E073"


class InternalError(HadathError):
    """An unexpected failure while answering an HTTP API request: a bug in hadath."""

    code = "E074"
