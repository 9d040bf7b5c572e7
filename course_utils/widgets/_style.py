"""Inline styles shared by the explorers' HTML views.

Every colour is explicit (dark text on a light background), so a view reads the same in
JupyterLab's light and dark themes.
"""

BOX_STYLE = (
    "background:#ffffff;color:#1a1a1a;border:1px solid #999999;border-radius:4px;"
    "padding:8px 12px;font-family:sans-serif;line-height:1.5"
)
TABLE_STYLE = "border-collapse:collapse;background:#ffffff;color:#1a1a1a;margin-top:6px"
CELL_STYLE = (
    "border:1px solid #cccccc;padding:2px 6px;text-align:left;vertical-align:top;"
    "background:#ffffff;color:#1a1a1a"
)
#: Marks for lines a step removed (orange) and kept or changed (blue), Okabe–Ito tints.
REMOVED_STYLE = "background:#FCE5CC;color:#6b2c00"
KEPT_STYLE = "background:#D6EDF9;color:#003a5c"
