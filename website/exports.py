"""Spreadsheet exports whose cells a spreadsheet cannot take for formulas.

What the public typed ends up in the admin's CSV exports (proposals, answers,
registrations, feedback). A cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return is run as a formula when the file is opened
(``=HYPERLINK(…)`` sends data away): such a cell gets a leading apostrophe, as
OWASP's CSV injection rule says. Numbers stay numbers. Wagtail's XLSX export
already writes every such cell as text.
"""

from wagtail.admin.views import generic
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.views.reports import ReportView

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin(SpreadsheetExportMixin):
    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        if export_format == self.FORMAT_CSV:
            return neutralise(value)
        return value


class SafeReportView(FormulaSafeExportMixin, ReportView):
    pass


class SafeIndexView(FormulaSafeExportMixin, generic.IndexView):
    pass
