"""The admin's pickers send dd/mm/yyyy in English too (see ``vi``)."""

from ..vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
