package org.pressure.cli.report;

/** The report's one stylesheet: readable on screen, and A4 pages with nothing split awkwardly in print. */
final class ReportStyle {
    private ReportStyle() {}

    static final String CSS = """
            :root { color-scheme: light; --ink: #1a1a1a; --muted: #555; --rule: #d9d9d9; --accent: #b2182b; }
            * { box-sizing: border-box; }
            html { background: #f4f4f1; }
            body { font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: var(--ink);
              background: #fff; max-width: 64rem; margin: 0 auto; padding: 2rem 2.5rem 3rem; line-height: 1.45;
              font-size: 16px; }
            h1 { font-size: 2rem; line-height: 1.2; margin: 0.2rem 0 0.8rem; }
            h2 { font-size: 1.55rem; line-height: 1.25; border-bottom: 3px solid var(--ink); padding-bottom: 0.25rem;
              margin: 2.5rem 0 0.6rem; }
            h3 { font-size: 1.2rem; margin: 1.8rem 0 0.5rem; }
            h4 { font-size: 1rem; margin: 1.2rem 0 0.4rem; }
            h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
            p, li { max-width: 48rem; }
            .kicker { text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-size: 0.85rem; margin: 0; }
            .lede { font-size: 1.05rem; color: #333; }
            .meta { color: var(--muted); font-size: 0.9rem; margin-top: 0; overflow-wrap: anywhere; }
            .description { font-size: 0.98rem; }
            .note { color: var(--muted); font-size: 0.88rem; }
            .among { display: block; color: var(--muted); font-size: 0.8rem; font-weight: 400; }
            .headline { font-size: 1.25rem; font-weight: 700; border-left: 6px solid var(--accent);
              padding: 0.35rem 0 0.35rem 0.8rem; margin: 0.6rem 0; }
            .headlines li { margin: 0.2rem 0; }
            .contents ul { list-style: none; padding-left: 0; }
            .scenario-list { padding-left: 1.4rem; }
            .contents h2 { font-size: 1.1rem; border: none; margin-top: 1.2rem; }
            a { color: #0b5394; }
            figure { margin: 1.2rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
            figure .svg { border: 1px solid var(--rule); }
            figure svg { display: block; width: 100%; height: auto; }
            figcaption { color: #333; font-size: 0.9rem; margin-top: 0.35rem; }
            .table-wrap { overflow-x: auto; margin: 0.6rem 0 1.2rem; }
            table { border-collapse: collapse; font-size: 0.86rem; font-variant-numeric: tabular-nums; }
            caption { text-align: left; font-weight: 700; padding: 0.3rem 0; caption-side: top; }
            th, td { padding: 0.22rem 0.55rem; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
            thead th { border-bottom: 2px solid var(--ink); vertical-align: bottom; }
            tbody th { font-weight: 600; white-space: nowrap; }
            .num { text-align: right; white-space: nowrap; }
            thead th.num { white-space: normal; }
            .negative { color: var(--accent); }
            .diff { color: var(--muted); font-style: italic; }
            table.years { width: 100%; }
            table.years tbody tr:nth-child(even) { background: #f6f6f6; }
            table.indicators { min-width: 60%; margin: 0.8rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
            table.compare { width: 100%; }
            table.assumptions { width: 100%; table-layout: fixed; font-size: 0.8rem; }
            table.assumptions col.path { width: 25%; }
            table.assumptions col.value { width: 21%; }
            table.assumptions col.source { width: 44%; }
            table.assumptions col.where { width: 10%; }
            table.assumptions td { overflow-wrap: anywhere; }
            table.assumptions td.where { color: var(--muted); }
            code { font-family: Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.95em; }
            tr { break-inside: avoid; page-break-inside: avoid; }
            thead { display: table-header-group; }
            footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
            @page { size: A4; margin: 16mm 15mm 18mm; }
            @media print {
              html { background: #fff; font-size: 10pt; }
              body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }
              h1 { font-size: 20pt; }
              h2 { font-size: 15pt; margin-top: 0; }
              h3 { font-size: 12pt; }
              .new-page, .new-page-print { break-before: page; page-break-before: always; }
              .comparison { break-before: page; page-break-before: always; }
              .table-wrap { overflow: visible; }
              table { font-size: 8pt; line-height: 1.2; }
              th, td { padding: 0.1rem 0.4rem; }
              table.assumptions { font-size: 7.5pt; }
              figure { margin: 0.6rem 0 1rem; }
              figure .svg { border: none; }
              figure svg { max-height: 118mm; }
              figure.tall svg { max-height: 125mm; }
              a { color: inherit; text-decoration: none; }
              table.years tbody tr:nth-child(even) { background: #f2f2f2; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
            }
            """;
}
