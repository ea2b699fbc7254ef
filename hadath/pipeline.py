"""Stage registry and pipeline.

A stage is a factory, registered with ``@stage(name, requires=..., provides=...)``, that builds
its resources once (lexicons, models) and returns a ``Doc -> Doc`` callable. A :class:`Pipeline`
checks, before the first document runs, that every stage's requirements are provided by the
stages before it, and names what is missing.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .doc import Doc
from .errors import PipelineConfigError, StageFailed, HadathError

StageFn = Callable[[Doc], Doc]


@dataclass(frozen=True, slots=True)
class StageSpec:
    name: str
    factory: Callable[[], StageFn]
    requires: frozenset[str]
    provides: frozenset[str]


_REGISTRY: dict[str, StageSpec] = {}

DEFAULT_STAGES = ("text", "mentions", "actors", "times", "places", "quotes", "events", "salience")


def stage(name: str, *, requires: tuple[str, ...] = (), provides: tuple[str, ...] = ()):
    """Register a stage factory under ``name``."""

    def register(factory: Callable[[], StageFn]) -> Callable[[], StageFn]:
        _REGISTRY[name] = StageSpec(name, factory, frozenset(requires), frozenset(provides))
        return factory

    return register


def registered() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_REGISTRY)


def _load_builtin_stages() -> None:
    from . import stages  # noqa: F401  (importing registers the built-in stages)


class Pipeline:
    """An ordered, validated list of stages, built once and run on many documents."""

    def __init__(self, names: tuple[str, ...] | list[str] = DEFAULT_STAGES, options: dict[str, dict] | None = None):
        """``options`` passes keyword arguments to stage factories, by stage name (for example
        ``{"events": {"classifier": my_classifier}}``)."""
        specs = registered()
        unknown = [n for n in names if n not in specs]
        if unknown:
            raise PipelineConfigError(
                f"Unknown pipeline stage(s): {', '.join(unknown)}.",
                f"Use stages from: {', '.join(sorted(specs))}.",
            )
        provided: set[str] = set()
        for n in names:
            missing = specs[n].requires - provided
            if missing:
                raise PipelineConfigError(
                    f"Stage '{n}' requires {', '.join(sorted(missing))}, which no earlier stage provides.",
                    "Add the stages that provide them before it: "
                    + ", ".join(s.name for s in specs.values() if s.provides & missing) + ".",
                )
            provided |= specs[n].provides
        self.names = tuple(names)
        options = options or {}
        self._fns = [(n, specs[n].factory(**options.get(n, {}))) for n in names]

    def __call__(self, doc: Doc) -> Doc:
        for name, fn in self._fns:
            try:
                doc = fn(doc)
            except HadathError:
                raise
            except Exception as exc:  # wrap with the article and stage, keep the cause
                raise StageFailed(
                    f"Stage '{name}' failed on article {doc.doc_id}: {type(exc).__name__}: {exc}.",
                    "Report this with the article; the rest of the batch goes on.",
                    source=doc.doc_id,
                ) from exc
        return doc
