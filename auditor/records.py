"""Record classes: the methods `dataclasses.dataclass` writes, for the project's classes, without
importing `dataclasses`.

Importing `dataclasses` imports `inspect` and with it `ast`, `dis` and `tokenize` (6 ms of a
one-file run), and its processing of the 43 classes a run defines took 7 ms more. `record` writes
the same methods for the features the project uses, with the same meaning:

- fields from the class's own annotations, after those of its record bases (an annotation
  `ClassVar[...]` is not a field);
- defaults, and `field(default=, default_factory=, init=, repr=, compare=)`;
- `__init__` (calling `__post_init__` when the class has one), `__repr__`, `__eq__` (records of
  the same class, their compared fields as tuples), `__match_args__`; each only when the class
  does not write its own;
- `__hash__`: frozen records hash their compared fields; others are unhashable unless the class
  writes its own (as dataclasses does with eq=True);
- `frozen=True`: assigning or deleting a field raises `FrozenInstanceError` (an AttributeError);
- `slots=True`: the class is made again with `__slots__` of its fields.

`replace(obj, **changes)` is `dataclasses.replace`. The methods' code is kept between runs
(compiled.kept_code). `tuple_record` makes a class what `typing.NamedTuple` makes it, without
importing `typing` (2 ms). tests/test_records.py builds classes both ways and checks they behave
alike.
"""
from __future__ import annotations

import sys

from . import compiled

__all__ = ["FrozenInstanceError", "field", "fields", "record", "replace", "tuple_record"]


class _Marker:
    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return self.name


#: No default given.
MISSING = _Marker("MISSING")
#: The default of a field with a default factory, in `__init__`'s signature: call the factory.
_FACTORY = _Marker("<factory>")


class FrozenInstanceError(AttributeError):
    """Assigning to, or deleting, a field of a frozen record."""


class Field:
    """One field of a record (`fields(cls)` lists them)."""

    __slots__ = ("name", "type", "default", "default_factory", "init", "repr", "compare")

    def __init__(self, default=MISSING, default_factory=MISSING, init=True, repr=True, compare=True):
        self.name = ""
        self.type = None    # the annotation (a string: the project's modules defer annotations)
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.compare = compare

    def __repr__(self) -> str:
        return (f"Field(name={self.name!r}, default={self.default!r}, default_factory={self.default_factory!r}, "
                f"init={self.init!r}, repr={self.repr!r}, compare={self.compare!r})")


def field(*, default=MISSING, default_factory=MISSING, init: bool = True, repr: bool = True,
          compare: bool = True) -> Field:
    """A field's settings, as the class attribute of its name (as `dataclasses.field`)."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, compare)


def fields(class_or_instance) -> tuple[Field, ...]:
    """The fields of a record class or record, in order."""
    try:
        return tuple(class_or_instance.__record_fields__.values())
    except AttributeError:
        raise TypeError("must be called with a record class or instance") from None


def record(cls=None, /, *, frozen: bool = False, slots: bool = False):
    """Make `cls` a record (as `@dataclass`, `@dataclass(frozen=True)`, `@dataclass(slots=True)`)."""

    def wrap(cls):
        return _process(cls, frozen, slots)

    return wrap if cls is None else wrap(cls)


def replace(obj, /, **changes):
    """A copy of the record `obj` with `changes` (field name: value), made by its `__init__`."""
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f"field {f.name} is declared with init=False, it cannot be specified with replace()")
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def tuple_record(cls):
    """The class as `class Name(NamedTuple)` makes it: a `collections.namedtuple` of its annotated
    fields, with their defaults, its docstring and its methods."""
    from collections import namedtuple

    annotations = cls.__dict__.get("__annotations__", {})
    names = list(annotations)
    defaults = [cls.__dict__[name] for name in names if name in cls.__dict__]
    if any(name not in cls.__dict__ for name in names[len(names) - len(defaults):]):
        raise TypeError("Non-default namedtuple field follows default field")
    made = namedtuple(cls.__name__, names, defaults=defaults, module=cls.__module__)
    made.__annotations__ = made.__new__.__annotations__ = dict(annotations)
    for key, value in cls.__dict__.items():
        if key in _NAMEDTUPLE_PROHIBITED:
            raise AttributeError("Cannot overwrite NamedTuple attribute " + key)
        if key not in _NAMEDTUPLE_KEPT and key not in made._fields and not (key == "__doc__" and value is None):
            setattr(made, key, value)
    made.__qualname__ = cls.__qualname__
    return made

#: What typing.NamedTuple refuses from a class body, and what it leaves to the namedtuple.
_NAMEDTUPLE_PROHIBITED = frozenset({"__new__", "__init__", "__slots__", "__getnewargs__", "_fields",
                                    "_field_defaults", "_make", "_replace", "_asdict", "_source"})
_NAMEDTUPLE_KEPT = frozenset({"__module__", "__name__", "__annotations__", "__dict__", "__weakref__",
                              "__qualname__"})


# --- making the class ---------------------------------------------------------------------------

_MUTABLE_DEFAULTS = (list, dict, set)


def _process(cls, frozen: bool, slots: bool):
    all_fields = _fields_of(cls)
    for base in cls.__mro__[1:-1]:
        if "__record_fields__" in base.__dict__ and base.__record_frozen__ != frozen:
            raise TypeError("cannot inherit frozen record from a non-frozen one" if frozen
                            else "cannot inherit non-frozen record from a frozen one")
    cls.__record_fields__ = all_fields
    cls.__record_frozen__ = frozen
    if slots:
        cls = _with_slots(cls, all_fields)
    compared = [f.name for f in all_fields.values() if f.compare]
    hashing = _hash_rule(cls, frozen)
    methods = _Methods()
    _init(methods, cls, all_fields, frozen)
    _repr(methods, [f.name for f in all_fields.values() if f.repr])
    _eq(methods, compared)
    if hashing == "add":
        _hash(methods, compared)
    if frozen:
        _frozen_methods(methods, cls, tuple(all_fields))
    made = methods.build()
    # as dataclasses annotates it (help() and inspect.signature show them)
    made["__init__"].__annotations__ = {**{f.name: f.type for f in all_fields.values() if f.init}, "return": None}
    made["__repr__"] = _recursion_guarded(made["__repr__"])
    for name in ("__init__", "__repr__", "__eq__"):
        _set_new(cls, name, made[name])
    if hashing == "add":
        _set_method(cls, "__hash__", made["__hash__"])
    elif hashing == "none":
        cls.__hash__ = None
    if frozen:
        for name in ("__setattr__", "__delattr__"):
            if name in cls.__dict__:
                raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
            _set_method(cls, name, made[name])
    _set_new(cls, "__match_args__", tuple(f.name for f in all_fields.values() if f.init))
    return cls


def _fields_of(cls) -> dict[str, Field]:
    """The record's fields by name: its record bases' (the farthest first), then its own."""
    out: dict[str, Field] = {}
    for base in cls.__mro__[-1:0:-1]:
        for f in base.__dict__.get("__record_fields__", {}).values():
            out[f.name] = f
    annotations = cls.__dict__.get("__annotations__", {})
    for name, annotation in annotations.items():
        if _is_classvar(annotation):
            continue
        value = cls.__dict__.get(name, MISSING)
        if isinstance(value, Field):
            f = value
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        else:
            if isinstance(value, _MUTABLE_DEFAULTS):
                raise ValueError(f"mutable default {type(value)} for field {name} is not allowed: "
                                 "use default_factory")
            f = Field(value)
        f.name = name
        f.type = annotation
        out[name] = f
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(f"{name!r} is a field but has no type annotation")
    return out


def _is_classvar(annotation) -> bool:
    if isinstance(annotation, str):
        return annotation.startswith(("ClassVar", "typing.ClassVar"))
    return getattr(annotation, "__origin__", annotation) is getattr(sys.modules.get("typing"), "ClassVar", None)


def _set_new(cls, name: str, value) -> None:
    """Set `name` unless the class writes its own (as dataclasses does)."""
    if name not in cls.__dict__:
        _set_method(cls, name, value)


def _set_method(cls, name: str, value) -> None:
    if callable(value):
        value.__qualname__ = f"{cls.__qualname__}.{name}"
    setattr(cls, name, value)


def _hash_rule(cls, frozen: bool) -> str:
    """dataclasses' rule for eq=True: a hash written by the class stays ("keep"; a frozen class
    may not write one); otherwise frozen records hash their compared fields ("add") and others
    have none ("none")."""
    own = cls.__dict__.get("__hash__", MISSING)
    explicit = not (own is MISSING or (own is None and "__eq__" in cls.__dict__))
    if frozen:
        if explicit:
            raise TypeError(f"Cannot overwrite attribute __hash__ in class {cls.__name__}")
        return "add"
    return "keep" if explicit else "none"


def _with_slots(cls, all_fields: dict[str, Field]):
    """The class made again with `__slots__` of its fields (not those of its bases' slots)."""
    inherited = set()
    for base in cls.__mro__[1:-1]:
        inherited.update(getattr(base, "__slots__", ()))
    body = dict(cls.__dict__)
    body["__slots__"] = tuple(name for name in all_fields if name not in inherited)
    for name in all_fields:
        body.pop(name, None)   # a default: __init__ has it
    body.pop("__dict__", None)
    body.pop("__weakref__", None)
    qualname = cls.__qualname__
    cls = type(cls)(cls.__name__, cls.__bases__, body)
    cls.__qualname__ = qualname
    return cls


class _Methods:
    """The methods of one class, written as source and made together: one function making them
    all, its code kept between runs (compiled.kept_code; one look-up a class, not one a method,
    which cost a one-file run 4 ms). The values their bodies and defaults read (`values`) are
    that function's arguments, so that the source names them only and is the same every run."""

    def __init__(self) -> None:
        self.values: dict = {}
        self.lines: list[str] = []
        self.names: list[str] = []

    def add(self, name: str, params: list[str], body: list[str], values: dict | None = None) -> None:
        self.values.update(values or {})
        self.lines.append(f" def {name}({', '.join(params)}):")
        self.lines.extend(f"  {line}" for line in body)
        self.names.append(name)

    def build(self) -> dict:
        source = "\n".join([f"def __create_fn__({', '.join(self.values)}):", *self.lines,
                             f" return ({''.join(f'{n}, ' for n in self.names)})"]) + "\n"
        namespace: dict = {}
        exec(compiled.kept_code(source), {}, namespace)
        return dict(zip(self.names, namespace["__create_fn__"](**self.values)))


def _init(methods: _Methods, cls, all_fields: dict[str, Field], frozen: bool) -> None:
    values: dict = {"__record_factory__": _FACTORY, "__record_setattr__": object.__setattr__}
    params, body, seen_default = ["__record_self__"], [], False
    for f in all_fields.values():
        value = None
        if f.init:
            if f.default is not MISSING:
                values[f"__record_default_{f.name}__"] = f.default
                params.append(f"{f.name}=__record_default_{f.name}__")
                seen_default = True
            elif f.default_factory is not MISSING:
                values[f"__record_make_{f.name}__"] = f.default_factory
                params.append(f"{f.name}=__record_factory__")
                seen_default = True
            else:
                if seen_default:
                    raise TypeError(f"non-default argument {f.name!r} follows default argument")
                params.append(f.name)
            value = (f"__record_make_{f.name}__() if {f.name} is __record_factory__ else {f.name}"
                     if f.default_factory is not MISSING else f.name)
        elif f.default_factory is not MISSING:
            values[f"__record_make_{f.name}__"] = f.default_factory
            value = f"__record_make_{f.name}__()"
        elif f.default is not MISSING:
            values[f"__record_default_{f.name}__"] = f.default
            value = f"__record_default_{f.name}__"
        if value is not None:
            body.append(f"__record_setattr__(__record_self__, {f.name!r}, {value})" if frozen
                        else f"__record_self__.{f.name} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("__record_self__.__post_init__()")
    methods.add("__init__", params, body or ["pass"], values)


def _repr(methods: _Methods, names: list[str]) -> None:
    parts = ", ".join(f"{name}={{__record_self__.{name}!r}}" for name in names)
    methods.add("__repr__", ["__record_self__"], [f'return __record_self__.__class__.__qualname__ + f"({parts})"'])


def _recursion_guarded(method):
    """`method`, giving '...' for a record already being shown in this thread (a cycle)."""
    from _thread import get_ident

    showing: set = set()

    def __repr__(self):
        key = id(self), get_ident()
        if key in showing:
            return "..."
        showing.add(key)
        try:
            return method(self)
        finally:
            showing.discard(key)

    return __repr__


def _tuple(names: list[str], owner: str) -> str:
    return "(" + "".join(f"{owner}.{name}," for name in names) + ")"


def _eq(methods: _Methods, compared: list[str]) -> None:
    methods.add("__eq__", ["__record_self__", "__record_other__"],
                ["if __record_other__.__class__ is __record_self__.__class__:",
                 f" return {_tuple(compared, '__record_self__')} == {_tuple(compared, '__record_other__')}",
                 "return NotImplemented"])


def _hash(methods: _Methods, compared: list[str]) -> None:
    methods.add("__hash__", ["__record_self__"], [f"return hash({_tuple(compared, '__record_self__')})"])


def _frozen_methods(methods: _Methods, cls, names: tuple[str, ...]) -> None:
    values = {"__record_cls__": cls, "__record_error__": FrozenInstanceError, "__record_names__": names}
    guard = "if type(__record_self__) is __record_cls__ or __record_name__ in __record_names__:"
    methods.add("__setattr__", ["__record_self__", "__record_name__", "__record_value__"],
                [guard, ' raise __record_error__(f"cannot assign to field {__record_name__!r}")',
                 "super(__record_cls__, __record_self__).__setattr__(__record_name__, __record_value__)"], values)
    methods.add("__delattr__", ["__record_self__", "__record_name__"],
                [guard, ' raise __record_error__(f"cannot delete field {__record_name__!r}")',
                 "super(__record_cls__, __record_self__).__delattr__(__record_name__)"], values)
