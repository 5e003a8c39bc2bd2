"""The package offers what every language offers: the surface list produced from the compiled
UniFFI library (`bindings-uniffi/surface.json`), read against the real package with `inspect`.

Everything in the surface must be in the package under Python's names (snake_case, on `Client`
and `AsyncClient` alike), and the package must hold nothing the surface lacks, except the
intended differences: the table "Parity with the other languages" in bindings-python/README.md,
idioms only, each with its reason. Until the surface list is generated in this checkout, the
tests read `surface_fixture.json` (the same format) and skip the check that needs the whole list.
"""

from __future__ import annotations

import builtins
import fnmatch
import importlib
import inspect
import json
import re
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterator, List, Set, Tuple

import pytest

import insurup
from support import REPO

SURFACE = REPO / "bindings-uniffi" / "surface.json"
FIXTURE = Path(__file__).with_name("surface_fixture.json")
README = REPO / "bindings-python" / "README.md"
DATA_ATTRIBUTES = (types.GetSetDescriptorType, types.MemberDescriptorType, property)


def load_surface() -> Tuple[Dict[str, Any], bool]:
    path = SURFACE if SURFACE.exists() else FIXTURE
    surface: Dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return surface, path == SURFACE


SURFACE_DATA, COMPLETE = load_surface()


@dataclass(frozen=True)
class Difference:
    surface: str
    """`record X`, `enum X` (or `enum *`), `function f`, `object X` (a glob), `X.method`, or `—`
    for something only Python has."""
    python: Tuple[str, ...]
    """What stands for it: `Name`, `Class.member`, `webhook.name`; `Target(**)` takes the
    record's fields as keyword arguments, `Target(name)` one argument."""
    reason: str


def intended_differences() -> List[Difference]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Parity with the other languages", 1)[1].split("\n## ", 1)[0]
    differences = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not line.startswith("|") or set(cells[0]) <= {"-"}:
            continue
        surface, python, reason = cells
        if surface.startswith("Surface"):
            continue
        differences.append(
            Difference(surface.strip("`"), tuple(re.findall(r"`([^`]+)`", python)), reason)
        )
    return differences


DIFFERENCES = intended_differences()


def difference(surface: str) -> Difference | None:
    for entry in DIFFERENCES:
        kind, _, pattern = entry.surface.rpartition(" ")
        wanted_kind, _, name = surface.rpartition(" ")
        if kind == wanted_kind and fnmatch.fnmatchcase(name, pattern):
            return entry
    return None


def twins(cls: Any) -> List[Any]:
    """A class and its asyncio twin (`Customers`, `AsyncCustomers`) when it has one."""
    twin = getattr(insurup, "Async" + cls.__name__, None) if isinstance(cls, type) else None
    return [cls] if twin is None else [cls, twin]


def resolve(reference: str) -> Tuple[List[Any], str | None]:
    """The objects a Python-column reference names (a class and its async twin), and the
    keyword argument it names (`**` for all of a record's fields), if any."""
    argument = None
    match = re.fullmatch(r"(.+)\((.*)\)", reference)
    if match:
        reference, argument = match.group(1), match.group(2)
    head, *rest = reference.split(".")
    roots: List[Any] = []
    if hasattr(insurup, head):
        roots = twins(getattr(insurup, head))
    elif hasattr(insurup.webhook, head):
        roots = [getattr(insurup.webhook, head)]
    elif hasattr(builtins, head):
        roots = [getattr(builtins, head)]
    else:
        roots = [importlib.import_module(head)]
    for name in rest:
        roots = [getattr(root, name) for root in roots]
    return roots, argument


def python_classes(object_name: str) -> List[Any]:
    for namespace in (insurup, insurup.webhook):
        if hasattr(namespace, object_name):
            return twins(getattr(namespace, object_name))
    return []


def public_members(cls: Any) -> Set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def data_attributes(cls: Any) -> Set[str]:
    return {
        name
        for klass in cls.__mro__
        for name, attribute in vars(klass).items()
        if isinstance(attribute, DATA_ATTRIBUTES) and not name.startswith("_")
    }


def python_only() -> Set[str]:
    return {reference for entry in DIFFERENCES if entry.surface == "—" for reference in entry.python}


def test_every_error_kind_is_an_exception_class_and_the_core_names_no_other() -> None:
    kinds = SURFACE_DATA["errorKinds"]
    classes = {
        name
        for name in insurup.__all__
        if isinstance(getattr(insurup, name), type)
        and issubclass(getattr(insurup, name), insurup.InsurUpError)
        and getattr(insurup, name) is not insurup.InsurUpError
    }

    missing = [kind for kind in kinds if kind not in classes]
    assert missing == [], f"no exception class for {missing}"
    assert set(insurup.error_kinds()) == classes
    if COMPLETE:
        assert set(kinds) == classes


def test_every_object_of_the_surface_is_in_the_package_with_every_method() -> None:
    problems = []
    extras = python_only()
    for obj in SURFACE_DATA["objects"]:
        name = obj["name"]
        if entry := difference(f"object {name}"):
            for reference in entry.python:
                resolve(reference)
            continue
        classes = python_classes(name)
        if not classes:
            problems.append(f"missing class {name}")
            continue
        offered: Set[str] = set()
        for member in obj["methods"] + obj["constructors"]:
            method = member["name"]
            if entry := difference(f"{name}.{method}"):
                offered.update(ref.split(".", 1)[1] for ref in entry.python if "." in ref)
                continue
            if method == "new":
                continue
            offered.add(method)
            problems += [f"missing {cls.__name__}.{method}" for cls in classes if not hasattr(cls, method)]
        for cls in classes:
            allowed = {ref.split(".", 1)[1] for ref in extras if ref.split(".")[0] in (name, cls.__name__)}
            problems += [
                f"extra {cls.__name__}.{member}: not in the surface"
                for member in sorted(public_members(cls) - offered - allowed)
            ]
    assert problems == [], "\n".join(problems)


def spread_records() -> Set[str]:
    """`Object.method` names whose record argument Python spreads into keyword arguments."""
    return {
        re.sub(r"\(\*\*\)$", "", reference)
        for entry in DIFFERENCES
        if entry.surface.startswith("record ")
        for reference in entry.python
        if reference.endswith("(**)")
    }


def test_every_shared_method_takes_the_surface_arguments_by_the_same_names() -> None:
    """Python names arguments as every language does (the core declares them once); a method
    that spreads a record into keyword arguments takes the others by their names, in order."""
    problems = []
    spread = spread_records()
    for obj in SURFACE_DATA["objects"]:
        name = obj["name"]
        if difference(f"object {name}"):
            continue
        for cls in python_classes(name):
            for member in obj["methods"]:
                method = member["name"]
                if difference(f"{name}.{method}") or not hasattr(cls, method):
                    continue
                wanted = list(member["arguments"])
                if isinstance(inspect.getattr_static(cls, method), DATA_ATTRIBUTES):
                    # A method without arguments may be a property (`seen.capacity`).
                    if wanted:
                        problems.append(f"{cls.__name__}.{method} is an attribute; the surface takes {wanted}")
                    continue
                parameters = list(inspect.signature(getattr(cls, method)).parameters)
                parameters = [p for p in parameters if p not in ("self", "py")]
                if f"{name}.{method}" in spread:
                    kept = [argument for argument in wanted if argument in parameters]
                    if len(kept) != len(wanted) - 1 or kept != [p for p in parameters if p in kept]:
                        problems.append(f"{cls.__name__}.{method}{tuple(parameters)}: not {wanted} with the record spread")
                elif parameters != wanted:
                    problems.append(f"{cls.__name__}.{method}{tuple(parameters)}: the surface says {tuple(wanted)}")
    assert problems == [], "\n".join(problems)


def record_targets(entry: Difference) -> Iterator[Tuple[str, Any, str | None]]:
    for reference in entry.python:
        objects, argument = resolve(reference)
        for target in objects:
            yield reference, target, argument


def test_every_record_field_is_an_attribute_or_a_keyword_argument() -> None:
    problems = []
    for record in SURFACE_DATA["records"]:
        name, fields = record["name"], record["fields"]
        entry = difference(f"record {name}")
        if entry is None:
            classes = python_classes(name)
            if not classes:
                problems.append(f"missing class {name}")
                continue
            attributes = data_attributes(classes[0])
            problems += [f"missing {name}.{field}" for field in fields if field not in attributes]
            problems += [f"extra {name}.{a}: not a field" for a in sorted(attributes - set(fields))]
            continue
        for reference, target, argument in record_targets(entry):
            if argument == "**":
                parameters = inspect.signature(target).parameters
                problems += [
                    f"{reference} on {getattr(target, '__qualname__', target)} lacks `{field}`"
                    for field in fields
                    if field not in parameters
                ]
            elif argument:
                if argument not in inspect.signature(target).parameters:
                    problems.append(f"{reference} has no argument `{argument}`")
            elif isinstance(target, type) and issubclass(target, BaseException):
                hints = typing.get_type_hints(target)
                problems += [
                    f"{name}.{field}: no attribute {field.removesuffix('_json')} on {target.__name__}"
                    for field in fields
                    if field != "kind" and field.removesuffix("_json") not in hints
                ]
    assert problems == [], "\n".join(problems)


def test_every_enum_has_its_python_form() -> None:
    for enum in SURFACE_DATA["enums"]:
        entry = difference(f"enum {enum['name']}")
        assert entry is not None, f"enum {enum['name']} has no Python form in the README table"
        for reference in entry.python:
            resolve(reference)


def test_enum_values_lists_every_wire_enum_with_each_known_value() -> None:
    values = insurup.enum_values()
    wire_enums = {e["name"]: e["variants"] for e in SURFACE_DATA["enums"] if "Unknown" in e["variants"]}
    if COMPLETE:
        assert sorted(values) == sorted(wire_enums)
    for name, variants in wire_enums.items():
        assert len(values[name]) == len(variants) - 1, name
    assert "KASKO" in values["ProductBranch"] and "API" in values["Channel"]


def test_every_function_is_offered() -> None:
    problems = []
    for function in SURFACE_DATA["functions"]:
        name = function["name"]
        entry = difference(f"function {name}")
        references = entry.python if entry else (name,)
        for reference in references:
            try:
                objects, _ = resolve(reference)
            except AttributeError:
                problems.append(f"missing {reference} (for function {name})")
                continue
            problems += [f"{reference} is not callable" for o in objects if not callable(o)]
    assert problems == [], "\n".join(problems)


def test_every_intended_difference_names_what_exists_and_gives_a_reason() -> None:
    for entry in DIFFERENCES:
        assert entry.python and entry.reason, entry
        for reference in entry.python:
            resolve(reference)
    if COMPLETE:
        names = {f"object {o['name']}" for o in SURFACE_DATA["objects"]}
        names |= {f"{o['name']}.{m['name']}" for o in SURFACE_DATA["objects"]
                  for m in o["methods"] + o["constructors"]}
        names |= {f"record {r['name']}" for r in SURFACE_DATA["records"]}
        names |= {f"enum {e['name']}" for e in SURFACE_DATA["enums"]}
        names |= {f"function {f['name']}" for f in SURFACE_DATA["functions"]}
        stale = [
            entry.surface
            for entry in DIFFERENCES
            if entry.surface != "—" and not fnmatch.filter(names, entry.surface)
        ]
        assert stale == [], f"the README lists differences for what the surface no longer has: {stale}"


def test_nothing_in_the_package_is_missing_from_the_surface() -> None:
    if not COMPLETE:
        pytest.skip(f"{SURFACE.relative_to(REPO)} is not generated in this checkout")
    accounted = set(SURFACE_DATA["errorKinds"]) | {"InsurUpError", "webhook", "__version__"}
    for kind in ("objects", "records", "enums", "functions"):
        for item in SURFACE_DATA[kind]:
            accounted |= {item["name"], "Async" + item["name"]}
    for entry in DIFFERENCES:
        for reference in entry.python:
            head = reference.split("(")[0].split(".")[0]
            accounted |= {head, "Async" + head}
    unaccounted = sorted(set(insurup.__all__) - accounted)
    assert unaccounted == [], f"in the package but neither in the surface nor the README: {unaccounted}"
