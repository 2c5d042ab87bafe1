"""The pieces every analysis's key results (:mod:`crmwb.deliver.results`) are built from: stable
ids that do not depend on the report's language (a vendor's, an option's, a finding's), a
figure's label about one subject (« Coût total (non actualisé) : Licence »), the findings of
a check as a list of items, and the conclusion as the report's summary says it.

Ids are made from what the client typed (a vendor's name, a stage and a touchpoint) or from a
check's rule, never from a translated text: the French and the English report of one workbook
give the same ids, and a diff between two runs matches them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Protocol

from crmwb.core.i18n import match_key
from crmwb.deliver.results import Item
from crmwb.deliver.views import Bullets, Context, Part, Text


def slug(text: str) -> str:
    """``text`` as an id: case, accents and punctuation ignored, words joined by hyphens.

    >>> slug("Sage CRM"), slug("  Éditeur n°2 (SaaS) "), slug("Web → CRM")
    ('sage-crm', 'editeur-n-2-saas', 'web-crm')
    """
    return "-".join(re.findall(r"[0-9a-z]+", match_key(text)))


def stable_id(*parts: str) -> str:
    """The id of a thing named by several parts (a stage and a touchpoint), each a
    :func:`slug`, empty parts left out.

    >>> stable_id("Achat", "Paiement en ligne"), stable_id("no_kpi", "")
    ('achat/paiement-en-ligne', 'no-kpi')
    """
    return "/".join(s for s in (slug(p) for p in parts) if s)


def unique_ids(ids: Sequence[str]) -> tuple[str, ...]:
    """``ids`` with a repeated one numbered from its second occurrence (``a``, ``a~2``), so
    that every item of a list has its own; the same list always gives the same ids.

    >>> unique_ids(["a", "b", "a", "a"])
    ('a', 'b', 'a~2', 'a~3')
    """
    seen: dict[str, int] = {}
    out = []
    for id_ in ids:
        seen[id_] = seen.get(id_, 0) + 1
        out.append(id_ if seen[id_] == 1 else f"{id_}~{seen[id_]}")
    return tuple(out)


def label_of(figure: str, subject: str, ctx: Context) -> str:
    """A figure's label about one subject: « Coût total (non actualisé) : Licence »."""
    return ctx.t("results.of", figure=figure, subject=subject)


class Finding(Protocol):
    """What the checks' findings share (:class:`~crmwb.plan.checks.PlanFinding`, the data
    map's and the governance's): a rule, a subject, the values of their message, a
    severity."""

    @property
    def rule(self) -> str: ...

    @property
    def subject(self) -> str: ...

    @property
    def values(self) -> Mapping[str, object]: ...

    @property
    def severity(self) -> str: ...


def finding_ids(findings: Sequence[Finding]) -> tuple[str, ...]:
    """Each finding's id: its rule as the check names it, then its subject as a :func:`slug`
    (``no_kpi/reactivation``); when two findings share them (a scenario naming two unknown
    touchpoints), their values tell them apart (the names, numbers and label keys they hold,
    none of them translated, in the finding's own order), then their order.

    >>> from crmwb.plan.checks import PlanFinding
    >>> finding_ids([PlanFinding("no_kpi", "Réactivation"), PlanFinding("shared_ip", "")])
    ('no_kpi/reactivation', 'shared_ip')
    """
    base = [_finding_id(f.rule, f.subject) for f in findings]
    repeated = {id_ for id_ in base if base.count(id_) > 1}
    ids = [
        _finding_id(f.rule, f.subject, *(_value_text(v) for v in f.values.values()))
        if id_ in repeated
        else id_
        for id_, f in zip(base, findings, strict=True)
    ]
    return unique_ids(ids)


def _finding_id(rule: str, *parts: str) -> str:
    rest = stable_id(*parts)
    return f"{rule}/{rest}" if rest else rule


def _value_text(value: object) -> str:
    """A finding's value as text for an id: names and label keys as they are, a list of names
    joined, a number in digits."""
    if isinstance(value, tuple | list):
        return " ".join(_value_text(v) for v in value)
    return str(value)


def finding_items(
    findings: Sequence[Finding], texts: Sequence[str], ctx: Context
) -> tuple[Item, ...]:
    """The findings as items: their :func:`finding_ids`, their message as the report writes it
    (``texts``, one per finding), their severity in the client's language."""
    return tuple(
        Item(id_, text, ctx.t(f"plan.severity.{f.severity}"))
        for id_, f, text in zip(finding_ids(findings), findings, texts, strict=True)
    )


def conclusion_of(*parts: Part) -> tuple[str, ...]:
    """The sentences of a report's summary, in order, as its parts write them (``**bold**``
    kept): the paragraphs of its texts and the items of its bullets; key figures left out (the
    results carry them as figures).

    >>> from crmwb.deliver.views import KeyFigures
    >>> conclusion_of(KeyFigures(()), Text(("**A** wins.", "B is second.")), Bullets(("C",)))
    ('**A** wins.', 'B is second.', 'C')
    """
    sentences: list[str] = []
    for part in parts:
        if isinstance(part, Text):
            sentences += part.paragraphs
        elif isinstance(part, Bullets):
            sentences += part.items
    return tuple(sentences)
