"""What a page needs, in one import: `from dashboard_core.web import ui`.

Pages are layout and wording only; everything they call lives in the web modules named here.
"""
from pathlib import Path

from ..present.format import amount, fmt, num  # noqa: F401
from ..present.numbers import percent, yuan  # noqa: F401
from .cache import (available_snapshots, card, card_with_plan, catalog, rectification, enrolment_ahead, enrolment_backtest, county_series, forget_snapshot_list,  # noqa: F401
                    plan, registers, report_citations, report_facts, rotation_by_school, rotation_table_all, rules, school_info,
                    schools_by_type, self_evaluation_report, snapshot_table, snapshot_workbook, staff_totals, subject_gaps, trend)
from .presentation import close_deck, deck_order, open_deck, page_only, presenting, rows_that_fit, slide  # noqa: F401
from .state import (LANGUAGE_KEY, View, fall_back_from, fragment, language_switch, open_snapshot, school_label,  # noqa: F401
                    sidebar_filters, view)
from .widgets import (CHART_SCHOOLS, DEMO_MARK, TABLE_ROWS, app_style, briefing_downloads, demo_mark,  # noqa: F401
                      county_items_at_a_glance, download_csv, draw_chart, fact_metric_writer, indicator_chart,
                      page_header, partly_drawn, profile_links, rows_on_chart,
                      report_facts_table, report_source, show_chart, snapshot_source, source_caption, table_view, verdict_metrics,
                      register_editor, wrapped_table)

ICON = str(Path(__file__).with_name("icon.png"))  # shipped with the app: no icon fetched from the internet
