"""`import insurup` stays cheap: the modules that once made up most of its cost are imported on
first use, not by the import itself."""

from __future__ import annotations

import ast
import subprocess
import sys
import typing

import insurup

# What the import cost came from: `typing` (the annotations), `asyncio` (the async bridge),
# `logging` (the log sink) and `json` (error payloads).
DEFERRED = ["typing", "asyncio", "logging", "json"]


def modules_loaded_by(statement: str) -> set[str]:
    """The modules a fresh interpreter loads for `statement`, beyond those it starts with."""
    probe = "\n".join(
        ["import sys", "before = set(sys.modules)", statement,
         "print(sorted(set(sys.modules) - before))"]
    )
    output = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    return set(ast.literal_eval(output))


def test_importing_insurup_defers_typing_asyncio_logging_and_json() -> None:
    loaded = modules_loaded_by("import insurup")
    assert "insurup._insurup" in loaded
    assert sorted(set(DEFERRED) & loaded) == []


def test_list_iterators_are_generic_at_run_time() -> None:
    alias = insurup.RowIterator[insurup.Customer]
    assert typing.get_origin(alias) is insurup.RowIterator
    assert typing.get_args(alias) == (insurup.Customer,)
    assert insurup.AsyncPageIterator[int] == insurup.AsyncPageIterator[int]


def test_the_exceptions_annotations_evaluate() -> None:
    for kind in insurup.error_kinds():
        hints = typing.get_type_hints(getattr(insurup, kind))
        assert hints["status"] == int | None
        assert hints["suggestions"] == tuple[str, ...]
    init = typing.get_type_hints(insurup.InsurUpError.__init__)
    assert "graphql_errors" in init
