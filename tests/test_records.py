"""auditor.records writes what dataclasses writes: each class here is made both ways (the same
body under `@record` and under `@dataclass`) and the two must behave alike."""
from __future__ import annotations

import dataclasses
import inspect
import pickle
import sys

import pytest

from auditor import records
from auditor.records import FrozenInstanceError, field, record, replace, tuple_record

_LIBRARIES = {
    "record": (record, field),
    "dataclass": (dataclasses.dataclass, dataclasses.field),
}


def _make(kind: str, library: str):
    """Classes of every shape the project uses, under one library's decorator."""
    deco, fld = _LIBRARIES[library]
    if kind == "plain":
        @deco
        class Plain:
            a: int
            b: str = "x"
            c: list = fld(default_factory=list)
        return Plain
    if kind == "frozen":
        @deco(frozen=True)
        class Frozen:
            a: int
            b: tuple = ()
            hidden: int = fld(default=0, repr=False, compare=False)
        return Frozen
    if kind == "slots":
        @deco(slots=True)
        class Slotted:
            a: int
            b: int = 2
        return Slotted
    if kind == "post_init":
        @deco
        class Derived:
            words: list
            n: int = fld(init=False, repr=False, compare=False)
            memo: dict = fld(default_factory=dict, init=False, repr=False, compare=False)

            def __post_init__(self) -> None:
                self.n = len(self.words)
        return Derived
    if kind == "inherited":
        @deco(frozen=True)
        class Span:
            start: int
            end: int

        @deco(frozen=True)
        class Sentence(Span):
            paragraph: int = 0
        return Sentence
    if kind == "own_methods":
        @deco
        class Own:
            a: int

            def __repr__(self) -> str:
                return "own"

            def __hash__(self) -> int:
                return 7
        return Own
    raise AssertionError(kind)


KINDS = ["plain", "frozen", "slots", "post_init", "inherited", "own_methods"]
ARGS = {"plain": ((1,), {"b": "y"}), "frozen": ((1, (2, 3)), {"hidden": 5}), "slots": ((1,), {}),
        "post_init": ((["a", "b"],), {}), "inherited": ((0, 4), {"paragraph": 2}), "own_methods": ((3,), {})}


def _behaviour(cls, args, kwargs) -> dict:
    one, two, other = cls(*args, **kwargs), cls(*args, **kwargs), cls(*args)
    out = {
        "signature": str(inspect.signature(cls)),
        "repr": repr(one).replace(cls.__qualname__, "C"),
        "eq": (one == two, one == other, one != two, one == object()),
        "hashable": cls.__hash__ is not None,
        "hash_equal": hash(one) == hash(two) if cls.__hash__ is not None else None,
        "match_args": getattr(cls, "__match_args__", None),
        "slots": getattr(cls, "__slots__", None),
        "has_dict": hasattr(one, "__dict__"),
        "state": sorted((k, repr(v)) for k, v in vars(one).items()) if hasattr(one, "__dict__") else None,
        "class_defaults": sorted(k for k in ("a", "b", "c", "hidden", "n", "memo", "paragraph")
                                 if k in cls.__dict__ and not hasattr(cls.__dict__[k], "__get__")),
    }
    try:
        one.a = 99
        out["assign"] = "ok"
    except AttributeError as e:
        out["assign"] = type(e).__name__.replace("FrozenInstanceError", "frozen") + str(e)
    try:
        copy = pickle.loads(pickle.dumps(two))
        out["pickle"] = copy == two or repr(copy) == repr(two)
    except Exception as e:  # noqa: BLE001 - compared between the libraries
        out["pickle"] = type(e).__name__
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_a_record_behaves_as_the_same_dataclass(kind):
    args, kwargs = ARGS[kind]
    mine = _behaviour(_make(kind, "record"), args, kwargs)
    reference = _behaviour(_make(kind, "dataclass"), args, kwargs)
    assert mine == reference


@pytest.mark.parametrize("kind", ["plain", "frozen", "slots"])
def test_replace_is_dataclasses_replace(kind):
    args, kwargs = ARGS[kind]
    mine = replace(_make(kind, "record")(*args, **kwargs), a=5)
    reference = dataclasses.replace(_make(kind, "dataclass")(*args, **kwargs), a=5)
    assert repr(mine).split("(", 1)[1] == repr(reference).split("(", 1)[1]


def test_replace_refuses_a_field_outside_init():
    derived = _make("post_init", "record")(["a"])
    with pytest.raises(ValueError, match="init=False"):
        replace(derived, n=3)


def test_frozen_errors_are_attribute_errors_that_name_the_field():
    frozen = _make("frozen", "record")(1)
    with pytest.raises(FrozenInstanceError, match="cannot assign to field 'a'"):
        frozen.a = 2
    with pytest.raises(AttributeError, match="cannot delete field 'b'"):
        del frozen.b


def test_declaration_mistakes_are_refused_as_dataclasses_refuses_them():
    with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
        @record
        class Order:
            a: int = 0
            b: int
    with pytest.raises(ValueError, match="mutable default"):
        @record
        class Mutable:
            a: list = []
    with pytest.raises(ValueError, match="both default and default_factory"):
        field(default=1, default_factory=list)
    with pytest.raises(TypeError, match="has no type annotation"):
        @record
        class Unannotated:
            a = field(default=1)
    with pytest.raises(TypeError, match="frozen"):
        @record
        class Base:
            a: int

        @record(frozen=True)
        class Child(Base):
            b: int = 0


def test_a_record_cycle_is_shown_once():
    @record
    class Node:
        child: object = None

    node = Node()
    node.child = node
    assert repr(node).endswith("Node(child=...)")


def test_fields_lists_them_in_order_bases_first():
    cls = _make("inherited", "record")
    assert [f.name for f in records.fields(cls)] == ["start", "end", "paragraph"]
    with pytest.raises(TypeError):
        records.fields(object())


def test_the_project_defines_its_classes_without_importing_dataclasses():
    import subprocess

    code = ("import sys, auditor.cli, auditor.checks.names, auditor.checks.boilerplate, "
            "auditor.checks.translation, auditor.reports.formats; "
            "print(sorted({'dataclasses', 'inspect', 'typing'} & set(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", "a module imports dataclasses, inspect or typing at its top again"


def _tuples(library: str):
    """A tuple class with defaults, a docstring, a method and a property, made both ways."""
    body = {"__annotations__": {"start": "int", "label": "str", "parts": "tuple"}, "label": "x",
            "parts": (), "__doc__": "A piece of evidence.", "width": property(lambda self: len(self.label)),
            "shifted": lambda self, by: self._replace(start=self.start + by), "__module__": __name__}
    if library == "record":
        return tuple_record(type("Piece", (), dict(body)))
    import types
    from typing import NamedTuple

    return types.new_class("Piece", (NamedTuple,), exec_body=lambda ns: ns.update(body))


def test_a_tuple_record_is_the_same_class_as_a_named_tuple():
    mine, reference = _tuples("record"), _tuples("NamedTuple")
    for cls in (mine, reference):
        cls.__qualname__ = "Piece"
    assert mine._fields == reference._fields and mine._field_defaults == reference._field_defaults
    # (typing wraps string annotations in ForwardRef; the names are what matter)
    assert mine.__doc__ == reference.__doc__ and list(mine.__annotations__) == list(reference.__annotations__)
    assert mine.__mro__[1:] == reference.__mro__[1:] == (tuple, object)
    a, b = mine(3, "abc"), reference(3, "abc")
    assert repr(a) == repr(b) and tuple(a) == tuple(b) and a.width == b.width == 3
    assert tuple(a.shifted(2)) == tuple(b.shifted(2)) == (5, "abc", ())
    assert a._asdict() == b._asdict() and hash(a) == hash(b)
    with pytest.raises(AttributeError, match="Cannot overwrite NamedTuple attribute _make"):
        tuple_record(type("Bad", (), {"__annotations__": {"a": "int"}, "_make": None}))
    with pytest.raises(TypeError, match="Non-default namedtuple field follows default field"):
        tuple_record(type("Bad", (), {"__annotations__": {"a": "int", "b": "int"}, "a": 1}))
