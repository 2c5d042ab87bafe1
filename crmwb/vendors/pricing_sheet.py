"""The Pricing sheet (*Tarifs*, optional) of the vendor comparison <->
:class:`~crmwb.vendors.pricing.VendorPricing` objects.

The client's volumes in year 1 and their yearly growth in column B (users, contacts, messages
per year, GB stored; empty users and contacts: the TCO sheet's), then one row per price item of
a vendor: Vendor | Item | Name | Price | Up to | Per | Rate | Year | End year | Low | High | Notes
(see :data:`PRICING_RULES`). Each vendor with rows gets a
:class:`~crmwb.vendors.pricing.VendorPricing`, costed on the TCO sheet's horizon, discount rate
and escalation; its total (undiscounted) replaces the amounts typed on the Scores sheet for the
criteria measured by the TCO. A vendor without rows keeps its typed amounts.

:func:`write_pricing_sheet` writes the volumes and the price lists (what a row cannot say is an
:class:`~crmwb.core.errors.InputError`); :class:`PricingReader` reads them back and costs them
(:func:`crmwb.vendors.costs.compare_vendors`), every bad cell a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import InputError, Msg, Number, Percent, Quoted, msg
from crmwb.core.i18n import Lang, t
from crmwb.core.uncertainty import PERT_SHAPE, Pert
from crmwb.tco.model import MAX_HORIZON_YEARS, Category, TcoSettings
from crmwb.tco.sheets import read_tco_settings
from crmwb.vendors.costs import VendorStudy, compare_vendors
from crmwb.vendors.pricing import (
    ContactPricing,
    Edition,
    LicencePurchase,
    MessagePricing,
    MinimumCommitment,
    Module,
    OneOffService,
    PricePeriod,
    StoragePricing,
    Tier,
    UserPricing,
    VendorPricing,
    Volume,
    Volumes,
)
from crmwb.vendors.sheet_layout import VENDOR_NAMES, VendorEntry, list_validation
from crmwb.vendors.sheet_reader import VendorSheetReader, found_value
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, typed_number
from crmwb.workbook.layout import write_parameters, write_table_header
from crmwb.workbook.tables import Names, rows_for, write_sheet_title

# --- the vocabulary and the layout -----------------------------------------------------------


class PriceItem(StrEnum):
    """What a row of the Pricing sheet prices (its Item drop-down)."""

    USER_EDITION = "user_edition"
    CONTACT_TIER = "contact_tier"
    MESSAGE_TIER = "message_tier"
    MODULE = "module"
    LICENCE = "licence"
    SERVICE = "service"
    STORAGE = "storage"
    MINIMUM_COMMITMENT = "minimum_commitment"


PRICING_PARAMETERS: tuple[Field, ...] = tuple(
    spec
    for volume, growth in (
        ("users", "user_growth"),
        ("contacts", "contact_growth"),
        ("messages", "message_growth"),
        ("storage_gb", "storage_growth"),
    )
    for spec in (
        Field(f"pricing.{volume}", "number"),
        Field(f"pricing.{growth}", "rate", minimum=-1, maximum=1, min_excluded=True),
    )
)
"""The volumes of year 1 and their yearly growth (rows 4 to 11 of the template)."""
PRICING_HELP_ROW = 13
PRICING_HEADER_ROW = 14

_NEGATIVE_PRICE = msg("pricing.err.hint.positive_price")
PRICING_COLUMNS: tuple[Field, ...] = (
    Field("pricing.col.vendor", "text", width=30, required=True),
    Field("pricing.col.item", "choice", width=20, required=True, choices=PriceItem),
    Field("pricing.col.name", "text", width=30),
    Field("pricing.col.price", "number", width=13, hint=_NEGATIVE_PRICE),
    Field("pricing.col.up_to", "number", width=13),
    Field("pricing.col.per", "choice", width=9, choices=PricePeriod),
    Field("pricing.col.rate", "fraction", width=9, maximum=1, max_excluded=True),
    Field("pricing.col.year", "whole", width=8, maximum=MAX_HORIZON_YEARS),
    Field("pricing.col.end_year", "whole", width=9, minimum=1, maximum=MAX_HORIZON_YEARS),
    Field("pricing.col.low", "number", width=11),
    Field("pricing.col.high", "number", width=11),
    Field("pricing.col.notes", "text", width=40),
)
_VENDOR, _ITEM, _NAME, _PRICE, _UP_TO, _PER, _RATE, _YEAR, _END, _LOW, _HIGH, _NOTES = (
    spec.key for spec in PRICING_COLUMNS
)
MULTIPLIER_FORMAT = "[<=10]0%;#,##0"
"""Low and High: a multiplier (up to 1000 %) shows as a percentage, a service's amount as one."""
MAX_MULTIPLIER = 10.0
"""A High multiplier above this (1000 %) is taken for a percentage typed as a number (140)."""

_P = "pricing.col."
_USES: dict[PriceItem, frozenset[str]] = {
    item: frozenset(_P + key for key in keys.split())
    for item, keys in {
        PriceItem.USER_EDITION: "name price up_to per low high",
        PriceItem.CONTACT_TIER: "name price up_to per low high",
        PriceItem.MESSAGE_TIER: "name price up_to per low high",
        PriceItem.MODULE: "name price per year end_year low high",
        PriceItem.LICENCE: "name price rate year low high",
        PriceItem.SERVICE: "name price year low high",
        PriceItem.STORAGE: "name price up_to per low high",
        PriceItem.MINIMUM_COMMITMENT: "name price year end_year",
    }.items()
}
"""The columns each item uses (besides Vendor, Item, Notes); another column filled is an error."""
_NAMED = (PriceItem.USER_EDITION, PriceItem.MODULE, PriceItem.SERVICE)
_TIERED = (PriceItem.USER_EDITION, PriceItem.CONTACT_TIER, PriceItem.MESSAGE_TIER)
_ONE_PER_VENDOR = (PriceItem.STORAGE, PriceItem.MINIMUM_COMMITMENT)

PRICING_RULES = """\
The rules of the Pricing sheet (the help row says them to the consultant):

* Every row needs a Vendor of the Vendors sheet, an Item and a Price >= 0 (excluding VAT).
  Editions, modules and services need a Name, unique per vendor and item.
* A column an item does not use must stay empty (a Rate on a module is an error): Up to for
  editions (maximum users, a whole number), tiers (upper bound, included) and storage (GB
  included); Per (month by default, or year) for editions, contact tiers, modules and storage;
  Rate (maintenance, a fraction < 100 %) for a licence; Year for modules and commitments (first
  year, 1 by default) and licences and services (year paid, 0 = initial period by default); End
  year for modules and commitments.
* A vendor's editions and tiers go from the smallest to the largest: bounds strictly
  increasing, empty on the last one only. The first edition listed is the one quoted; the next
  ones are forced when the users exceed its maximum. Message tiers are on the messages per year
  and priced per thousand messages (Per: year or empty). A vendor's contact tiers share one Per.
* Uncertainty, Low and High, both or neither: for a service, amounts around its price (taken
  as the most likely): Low <= Price <= High; for the other items, multipliers of the price:
  Low <= 100 % <= High (90 % / 140 %), a multiplier above 1000 % being a percentage typed as a
  number. Editions and tiers carry one range for the vendor's per-user (per-contact,
  per-message) subscription: on one of their rows, or the same on each. No range on a
  commitment.
* At most one storage row and one minimum commitment per vendor; a minimum commitment needs a
  usage-based item (edition, tier, module or storage) to apply to.
* Not held by the sheet: a vendor's own escalation (the TCO sheet's applies), tiers' flat
  prices, storage included per user, services of a category other than implementation, PERT
  shapes other than 4, volumes given year by year.
"""


# --- writing ---------------------------------------------------------------------------------


def write_pricing_sheet(
    ws: Worksheet, lang: Lang, pricing: Sequence[VendorPricing], volumes: Volumes | None
) -> None:
    """Fill the Pricing sheet ``ws``: the volumes (None: left empty) and one row per price
    item of ``pricing``, with help, drop-downs and checks."""
    rows = [row for p in pricing for row in _price_rows(p, lang)]
    write_sheet_title(ws, "pricing", lang, PRICING_COLUMNS)
    values: dict[str, Any] = {}
    if volumes is not None:
        for spec, volume in zip(
            PRICING_PARAMETERS[::2],
            (volumes.users, volumes.contacts, volumes.messages, volumes.storage_gb),
            strict=True,
        ):
            if volume.yearly is not None:
                raise InputError(
                    msg("pricing.err.volumes", sheet=t("sheet.pricing", lang)),
                    found=msg("pricing.err.found.yearly", volume=Quoted(t(spec.key, lang))),
                    lang=lang,
                )
            growth = PRICING_PARAMETERS[PRICING_PARAMETERS.index(spec) + 1]
            values[spec.key], values[growth.key] = volume.year_1, volume.growth
    write_parameters(ws, PRICING_PARAMETERS, values, lang)
    n = rows_for(len(rows))
    write_table_header(
        ws, PRICING_COLUMNS, lang, help_row=PRICING_HELP_ROW, header_row=PRICING_HEADER_ROW, rows=n
    )
    first, last = PRICING_HEADER_ROW + 1, PRICING_HEADER_ROW + n
    list_validation(ws, PRICING_COLUMNS[0], f"A{first}:A{last}", VENDOR_NAMES, lang)
    bounds = [i for i, spec in enumerate(PRICING_COLUMNS, start=1) if spec.key in (_LOW, _HIGH)]
    for row in ws.iter_rows(min_row=first, max_row=last, min_col=bounds[0], max_col=bounds[-1]):
        for cell in row:
            cell.number_format = MULTIPLIER_FORMAT
    for row_number, row_values in enumerate(rows, start=first):
        for col, spec in enumerate(PRICING_COLUMNS, start=1):
            value = row_values.get(spec.key)
            if value is not None:
                ws.cell(row=row_number, column=col, value=value)
    ws.freeze_panes = ws.cell(row=first, column=3)


def _price_rows(p: VendorPricing, lang: Lang) -> list[dict[str, Any]]:
    """The Pricing sheet's rows of one vendor's price list (column key -> value)."""

    def cannot(what: Msg) -> InputError:
        return InputError(
            msg("pricing.err.cannot", sheet=t("sheet.pricing", lang), vendor=Quoted(p.vendor)),
            found=what,
            hint=msg("pricing.err.hint.cannot", sheet=t("sheet.pricing", lang)),
            lang=lang,
        )

    def spread(u: Pert | None) -> dict[str, Any]:
        if u is None:
            return {}
        if u.shape != PERT_SHAPE:
            raise cannot(msg("pricing.err.found.pert_shape", shape=Number(u.shape)))
        return {_LOW: u.low, _HIGH: u.high}

    rows: list[dict[str, Any]] = []

    def add(item: PriceItem, **values: Any) -> None:
        rows.append({_VENDOR: p.vendor, _ITEM: choice_label(item, lang)} | values)

    def per(period: PricePeriod) -> str:
        return choice_label(period, lang)

    if p.escalation is not None:
        raise cannot(msg("pricing.err.found.own_escalation"))
    if p.users is not None:
        if p.users.chosen_index:
            raise cannot(msg("pricing.err.found.chosen_not_first", edition=Quoted(p.users.chosen)))
        for i, e in enumerate(p.users.editions):
            extra = spread(p.users.uncertainty) if i == 0 else {}
            add(
                PriceItem.USER_EDITION,
                **{_NAME: e.name, _PRICE: e.price_per_user_month, _UP_TO: e.max_users},
                **{_PER: per(PricePeriod.MONTH)},
                **extra,
            )
    tiered: list[tuple[PriceItem, ContactPricing | MessagePricing | None]] = [
        (PriceItem.CONTACT_TIER, p.contacts),
        (PriceItem.MESSAGE_TIER, p.messages),
    ]
    for item, pricing in tiered:
        if pricing is None:
            continue
        period = pricing.per if isinstance(pricing, ContactPricing) else None
        for i, tier in enumerate(pricing.tiers):
            if tier.flat_price:
                raise cannot(msg("pricing.err.found.flat_price", price=Number(tier.flat_price)))
            extra = spread(pricing.uncertainty) if i == 0 else {}
            cells: dict[str, Any] = {_PRICE: tier.price, _UP_TO: tier.up_to}
            add(item, **cells, **{_PER: per(period) if period else None}, **extra)
    for m in p.modules:
        cells = {
            _NAME: m.name,
            _PRICE: m.price,
            _PER: per(m.per),
            _YEAR: m.start_year,
        }
        add(PriceItem.MODULE, **cells, **{_END: m.end_year}, **spread(m.uncertainty))
    for lic in p.licences:
        cells = {_NAME: lic.description, _PRICE: lic.amount, _YEAR: lic.year}
        rate = {_RATE: lic.maintenance_rate or None}
        add(PriceItem.LICENCE, **cells, **rate, **spread(lic.uncertainty))
    for service in p.services:
        if service.category is not Category.IMPLEMENTATION:
            raise cannot(
                msg(
                    "pricing.err.found.service_category",
                    category=Quoted(msg(f"category.{service.category.value}")),
                )
            )
        cells = {
            _NAME: service.description,
            _PRICE: service.most_likely,
            _YEAR: service.year,
        }
        amount = service.amount
        extra = spread(amount) if isinstance(amount, Pert) and not amount.is_degenerate else {}
        add(PriceItem.SERVICE, **cells, **extra)
    if p.storage is not None:
        st = p.storage
        if st.included_per_user_gb:
            raise cannot(msg("pricing.err.found.storage_per_user"))
        cells = {_PRICE: st.price_per_gb, _UP_TO: st.included_gb, _PER: per(st.per)}
        add(PriceItem.STORAGE, **cells, **spread(st.uncertainty))
    if p.minimum is not None:
        mc = p.minimum
        cells = {
            _PRICE: mc.amount_per_year,
            _YEAR: mc.first_year,
            _END: mc.last_year,
        }
        add(PriceItem.MINIMUM_COMMITMENT, **cells)
    return rows


# --- reading ---------------------------------------------------------------------------------


@dataclass
class PricedVendors:
    """What the Pricing sheet says, read and costed: the price lists, the volumes (None: no
    sheet, or an empty block), the TCO sheet's settings and the vendors' study (None when
    nothing is priced)."""

    pricing: tuple[VendorPricing, ...] = ()
    volumes: Volumes | None = None
    settings: TcoSettings | None = None
    study: VendorStudy | None = None
    computed: dict[str, tuple[float, str]] = field(default_factory=dict)
    """Priced vendor -> (its undiscounted TCO, where it comes from: ``Pricing!A15``)."""


@dataclass
class _PriceRow:
    vendor: str
    item: PriceItem
    cells: dict[str, Cell]
    v: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.v[_NAME] or "")


class PricingReader(VendorSheetReader):
    """Reads the Pricing sheet: the volumes, each vendor's price list checked cell by cell,
    and the vendors' TCO on the TCO sheet's settings."""

    def pricing(self, vendors: Sequence[VendorEntry]) -> PricedVendors:
        if not self.r.has_sheet("sheet.pricing"):
            return PricedVendors()
        ws = self.r.sheet("sheet.pricing")
        cells = self.r.parameter_cells(ws, PRICING_PARAMETERS)
        p = {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in PRICING_PARAMETERS}
        index, header_row = self.r.table(ws, PRICING_COLUMNS)
        names = Names(v.name for v in vendors)
        rows: dict[str, list[_PriceRow]] = {}
        for row in self.r.rows(ws, index, header_row):
            vendor = self.match(
                ws,
                row[_VENDOR],
                PRICING_COLUMNS[0],
                names,
                msg("vs.err.vendor_of_sheet", sheet=self.title("sheet.vendors")),
            )
            v = self.values(ws, row, PRICING_COLUMNS[1:])
            rows.setdefault(vendor, []).append(_PriceRow(vendor, v[_ITEM], row, v))
        if not rows:  # volumes typed are kept, an empty block stays None (the template)
            typed = any(value is not None for value in p.values())
            return PricedVendors(volumes=self._volumes(p, None) if typed else None)
        settings = read_tco_settings(self.r)
        volumes = self._volumes(p, settings)
        pricing = tuple(
            self._vendor_pricing(ws, rows[v.name], settings) for v in vendors if v.name in rows
        )
        try:
            study = compare_vendors(pricing, settings, volumes)
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.sheet_error(ws, exc) from None
        first = {
            vendor: f"{ws.title}!{r[0].cells[_VENDOR].coordinate}" for vendor, r in rows.items()
        }
        computed = {o.option: (o.total, first[o.option]) for o in study.comparison.options}
        return PricedVendors(pricing, volumes, settings, study, computed)

    def _volumes(self, p: Mapping[str, Any], settings: TcoSettings | None) -> Volumes:
        defaults = {
            "pricing.users": settings.users if settings else 0,
            "pricing.contacts": settings.contacts if settings else 0,
        }
        volumes = []
        for spec, growth in zip(PRICING_PARAMETERS[::2], PRICING_PARAMETERS[1::2], strict=True):
            year_1 = p[spec.key]
            if year_1 is None:
                year_1 = defaults.get(spec.key, 0)
            volumes.append(Volume(float(year_1), p[growth.key] or 0.0))
        return Volumes(*volumes)

    def _vendor_pricing(
        self, ws: Worksheet, rows: Sequence[_PriceRow], settings: TcoSettings
    ) -> VendorPricing:
        horizon = settings.horizon_years
        vendor = rows[0].vendor
        by_item: dict[PriceItem, list[_PriceRow]] = {}
        for row in rows:
            self._check_price_row(ws, row, horizon)
            by_item.setdefault(row.item, []).append(row)
        for item in _NAMED:
            seen: dict[str, Cell] = {}
            for row in by_item.get(item, []):
                self.unique(ws, row.cells[_NAME], row.name, seen, item.value)  # per vendor
        for item in _ONE_PER_VENDOR:
            extra = by_item.get(item, [])[1:]
            if extra:
                raise self.error(
                    ws,
                    extra[0].cells[_ITEM],
                    msg("pricing.err.one_per_vendor", item=_item(item, 1)),
                    msg("pricing.err.found.second", vendor=Quoted(vendor)),
                    msg("pricing.err.hint.merge"),
                )
        minimum = by_item.get(PriceItem.MINIMUM_COMMITMENT, [])
        usage = (*_TIERED, PriceItem.MODULE, PriceItem.STORAGE)
        if minimum and not any(item in by_item for item in usage):
            raise self.error(
                ws,
                minimum[0].cells[_ITEM],
                msg("pricing.err.minimum_alone", vendor=Quoted(vendor)),
                msg("pricing.err.found.minimum_alone"),
                msg("pricing.err.hint.minimum_alone"),
            )
        ranges = {item: self._shared_range(ws, by_item.get(item, [])) for item in _TIERED}
        for item in _TIERED:
            self._check_bounds(ws, by_item.get(item, []), item)
        contact_rows = by_item.get(PriceItem.CONTACT_TIER, [])
        periods = [r for r in contact_rows if r.v[_PER] is not None]
        for row in periods[1:]:
            if row.v[_PER] is not periods[0].v[_PER]:
                raise self.error(
                    ws,
                    row.cells[_PER],
                    msg(
                        "pricing.err.one_period",
                        vendor=Quoted(vendor),
                        item=_item(PriceItem.CONTACT_TIER, 2),
                        cell=f"{ws.title}!{periods[0].cells[_PER].coordinate}",
                    ),
                    found_value(row.cells[_PER].value),
                )
        contact_period = periods[0].v[_PER] if periods else PricePeriod.MONTH
        try:
            return VendorPricing(
                vendor,
                users=self._user_pricing(by_item, ranges[PriceItem.USER_EDITION]),
                contacts=ContactPricing(
                    tuple(self._tier(r) for r in contact_rows),
                    contact_period,
                    ranges[PriceItem.CONTACT_TIER],
                )
                if contact_rows
                else None,
                messages=MessagePricing(
                    tuple(self._tier(r) for r in by_item[PriceItem.MESSAGE_TIER]),
                    ranges[PriceItem.MESSAGE_TIER],
                )
                if PriceItem.MESSAGE_TIER in by_item
                else None,
                modules=tuple(
                    Module(
                        r.name,
                        r.v[_PRICE],
                        r.v[_PER] or PricePeriod.MONTH,
                        r.v[_YEAR] if r.v[_YEAR] is not None else 1,
                        r.v[_END],
                        self._range(ws, r),
                    )
                    for r in by_item.get(PriceItem.MODULE, [])
                ),
                licences=tuple(
                    LicencePurchase(
                        r.v[_PRICE],
                        r.v[_RATE] or 0.0,
                        r.v[_YEAR] or 0,
                        r.name or choice_label(PriceItem.LICENCE, self.r.lang),
                        self._range(ws, r),
                    )
                    for r in by_item.get(PriceItem.LICENCE, [])
                ),
                services=tuple(
                    OneOffService(r.name, self._range(ws, r) or r.v[_PRICE], year=r.v[_YEAR] or 0)
                    for r in by_item.get(PriceItem.SERVICE, [])
                ),
                storage=next(
                    (
                        StoragePricing(
                            r.v[_UP_TO] or 0.0,
                            r.v[_PRICE],
                            r.v[_PER] or PricePeriod.MONTH,
                            uncertainty=self._range(ws, r),
                        )
                        for r in by_item.get(PriceItem.STORAGE, [])
                    ),
                    None,
                ),
                minimum=next(
                    (
                        MinimumCommitment(
                            r.v[_PRICE], r.v[_YEAR] if r.v[_YEAR] is not None else 1, r.v[_END]
                        )
                        for r in minimum
                    ),
                    None,
                ),
            )
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.error(
                ws,
                rows[0].cells[_VENDOR],
                exc.expected,
                exc.found or msg("err.found.none"),
                exc.hint,
            ) from None

    def _user_pricing(
        self, by_item: Mapping[PriceItem, list[_PriceRow]], uncertainty: Pert | None
    ) -> UserPricing | None:
        rows = by_item.get(PriceItem.USER_EDITION)
        if not rows:
            return None
        editions = tuple(
            Edition(
                r.name,
                r.v[_PRICE] / (r.v[_PER] or PricePeriod.MONTH).per_year * 12,
                None if r.v[_UP_TO] is None else int(r.v[_UP_TO]),
            )
            for r in rows
        )
        return UserPricing(editions, uncertainty=uncertainty)

    @staticmethod
    def _tier(row: _PriceRow) -> Tier:
        return Tier(row.v[_UP_TO], row.v[_PRICE])

    def _check_price_row(self, ws: Worksheet, row: _PriceRow, horizon: int) -> None:
        """One row's own checks: the columns its item uses, its price, name, years, range."""
        item, v, cells = row.item, row.v, row.cells
        for spec in PRICING_COLUMNS[2:-1]:
            if v[spec.key] is not None and spec.key not in _USES[item]:
                column = self.label(ws, cells[spec.key], spec)
                users = tuple(_item(i, 2) for i in PriceItem if spec.key in _USES[i])
                raise self.error(
                    ws,
                    cells[spec.key],
                    msg("pricing.err.unused_column", column=column, item=_item(item, 1)),
                    found_value(cells[spec.key].value),
                    msg("pricing.err.hint.unused_column", column=column, items=users),
                )
        named = "_named" if row.name else ""
        name = Quoted(row.name)
        if item in _NAMED and not row.name:
            raise self.error(ws, cells[_NAME], msg("pricing.err.name", item=_item(item, 1)), _EMPTY)
        if v[_PRICE] is None:
            raise self.error(
                ws,
                cells[_PRICE],
                msg(f"pricing.err.price{named}", item=_item(item, 1), name=name, vendor=row.vendor),
                _EMPTY,
            )
        up_to = v[_UP_TO]
        if up_to is not None:
            if item is PriceItem.USER_EDITION and (up_to < 1 or not float(up_to).is_integer()):
                raise self.error(
                    ws,
                    cells[_UP_TO],
                    msg(f"pricing.err.max_users{named}", item=_item(item, 1), name=name),
                    typed_number(up_to),
                )
            if item in _TIERED and up_to <= 0:
                raise self.error(
                    ws,
                    cells[_UP_TO],
                    msg("pricing.err.tier_bound", item=_item(item, 1)),
                    typed_number(up_to),
                )
        if item is PriceItem.MESSAGE_TIER and v[_PER] is PricePeriod.MONTH:
            raise self.error(
                ws,
                cells[_PER],
                msg(
                    "pricing.err.message_period",
                    item=_item(item, 2),
                    column=self.label(ws, cells[_PER], PRICING_COLUMNS[5]),
                    year=Quoted(msg("price_period.year")),
                ),
                found_value(cells[_PER].value),
            )
        self._check_years(ws, row, horizon)
        self._range(ws, row)

    def _check_years(self, ws: Worksheet, row: _PriceRow, horizon: int) -> None:
        v, cells = row.v, row.cells
        first = 0 if row.item in (PriceItem.LICENCE, PriceItem.SERVICE) else 1
        year = v[_YEAR] if v[_YEAR] is not None else first
        tco = self.title("sheet.tco")
        if not first <= year <= horizon:
            raise self.error(
                ws,
                cells[_YEAR],
                msg(
                    "pricing.err.year",
                    first=first,
                    horizon=horizon,
                    sheet=tco,
                    item=_item(row.item, 1),
                ),
                str(year),
                msg("pricing.err.hint.year_0" if first == 0 else "pricing.err.hint.year_1"),
            )
        end = v[_END]
        if end is not None and not year <= end <= horizon:
            raise self.error(
                ws,
                cells[_END],
                msg("pricing.err.end_year", year=year, horizon=horizon, sheet=tco),
                str(end),
            )

    def _range(self, ws: Worksheet, row: _PriceRow) -> Pert | None:
        """The row's uncertainty: a multiplier Pert(low, 1, high), or for a service the amounts
        Pert(low, price, high); None without Low and High."""
        low, high = row.v[_LOW], row.v[_HIGH]
        cells = row.cells
        if low is None and high is None:
            return None
        low_name = self.label(ws, cells[_LOW], PRICING_COLUMNS[9])
        high_name = self.label(ws, cells[_HIGH], PRICING_COLUMNS[10])
        if low is None or high is None:
            empty, given = (_LOW, high_name) if low is None else (_HIGH, low_name)
            raise self.error(
                ws,
                cells[empty],
                msg("pricing.err.both_bounds", given=given, low=low_name, high=high_name),
                _EMPTY,
            )
        if low > high:
            raise self.error(
                ws,
                cells[_LOW],
                msg(
                    "pricing.err.low_above_high",
                    value=typed_number(high),
                    low=low_name,
                    high=high_name,
                ),
                typed_number(low),
                msg("pricing.err.hint.low_high", low=low_name, high=high_name),
            )
        price = row.v[_PRICE]
        if row.item is PriceItem.SERVICE:
            around = msg(
                "pricing.err.hint.service_range",
                item=_item(row.item, 1),
                low=low_name,
                high=high_name,
            )
            if low > price:
                raise self.error(
                    ws,
                    cells[_LOW],
                    msg("pricing.err.service_low", price=typed_number(price)),
                    typed_number(low),
                    around,
                )
            if high < price:
                raise self.error(
                    ws,
                    cells[_HIGH],
                    msg("pricing.err.service_high", price=typed_number(price)),
                    typed_number(high),
                    around,
                )
            return Pert(low, price, high)
        for key, value, bad, expected in (
            (_LOW, low, low > 1, msg("pricing.err.low_multiplier", low=low_name)),
            (
                _HIGH,
                high,
                high < 1 or high > MAX_MULTIPLIER,
                msg("pricing.err.high_multiplier", high=high_name),
            ),
        ):
            if bad:
                typed = typed_number(value)
                shown = msg("err.found.shown_as", value=typed, shown=Percent(value))
                hint = msg("pricing.err.hint.multiplier", low=low_name, high=high_name)
                if value > MAX_MULTIPLIER:  # a percentage typed as a number (90, 140)
                    hint = msg("err.hint.percent", value=typed, fraction=Number(value / 100))
                raise self.error(ws, cells[key], expected, shown, hint)
        return Pert(low, 1.0, high)

    def _shared_range(self, ws: Worksheet, rows: Sequence[_PriceRow]) -> Pert | None:
        """The one range of a vendor's editions (or tiers): given once, or the same on each."""
        found: tuple[Pert, _PriceRow] | None = None
        for row in rows:
            spread = self._range(ws, row)
            if spread is None:
                continue
            if found is None:
                found = (spread, row)
            elif spread != found[0]:
                raise self.error(
                    ws,
                    row.cells[_LOW],
                    msg(
                        "pricing.err.one_range",
                        item=_item(row.item, 2),
                        vendor=Quoted(row.vendor),
                        cell=f"{ws.title}!{found[1].cells[_LOW].coordinate}",
                    ),
                    msg(
                        "pricing.err.found.range",
                        low=typed_number(spread.low),
                        high=typed_number(spread.high),
                    ),
                    msg("pricing.err.hint.one_range"),
                )
        return None if found is None else found[0]

    def _check_bounds(self, ws: Worksheet, rows: Sequence[_PriceRow], item: PriceItem) -> None:
        """Editions and tiers from the smallest to the largest: bounds strictly increasing, the
        last one only without a bound."""
        users = "users" if item is PriceItem.USER_EDITION else "bounds"
        for before, row in itertools.pairwise(rows):
            previous, bound = before.v[_UP_TO], row.v[_UP_TO]
            up_to = self.label(ws, before.cells[_UP_TO], PRICING_COLUMNS[4])
            if previous is None:
                raise self.error(
                    ws,
                    before.cells[_UP_TO],
                    msg(
                        "pricing.err.bound_missing",
                        column=up_to,
                        item=_item(item, 1),
                        items=_item(item, 2),
                        vendor=Quoted(row.vendor),
                    ),
                    msg(
                        "pricing.err.found.bound_missing",
                        cell=f"{ws.title}!{row.cells[_ITEM].coordinate}",
                    ),
                    msg("pricing.err.hint.bound_missing", item=_item(item, 1)),
                )
            if bound is not None and bound <= previous:
                raise self.error(
                    ws,
                    row.cells[_UP_TO],
                    msg(
                        f"pricing.err.increasing_{users}",
                        items=_item(item, 2),
                        column=up_to,
                        value=typed_number(previous),
                        cell=f"{ws.title}!{before.cells[_UP_TO].coordinate}",
                    ),
                    typed_number(bound),
                    msg(
                        "pricing.err.hint.increasing",
                        items=_item(item, 2),
                        vendor=Quoted(row.vendor),
                    ),
                )


_EMPTY = msg("err.found.empty")


def _item(item: PriceItem, count: int) -> Msg:
    """A row of the Pricing sheet by its item, as a noun (« la ligne « Module » »), in the
    singular (``count`` 1) or the plural."""
    return msg(f"pricing.noun.{item.value}", count=count)
