/// The portal's built-in templates (Mustache, HTML-escaped by default) and style sheet. A body
/// restyles the portal by putting files of the same names in its templates folder
/// (`ppid-central serve --portal-templates DIR`): `layout.mustache`, `home.mustache`,
/// `dip-list.mustache`, `dip-entry.mustache`, `not-found.mustache`, `portal.css`.
enum BuiltInPortalTemplates {
    static let templates: [String: String] = [
        "layout": layout,
        "home": home,
        "dip-list": dipList,
        "dip-entry": dipEntry,
        "not-found": notFound,
    ]

    static let layout = """
    <!DOCTYPE html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{$title}}{{/title}} · {{t.portal}}</title>
    <link rel="stylesheet" href="/portal.css">
    </head>
    <body>
    <a class="skip" href="#main">{{t.skip}}</a>
    <header class="site">
    <p class="brand"><a href="/{{query}}">{{t.portal}}</a></p>
    <nav aria-label="{{t.menu}}">
    <ul>
    <li><a href="/dip{{query}}">{{t.dip}}</a></li>
    <li><a href="{{otherLanguage.href}}" lang="{{otherLanguage.code}}" hreflang="{{otherLanguage.code}}">{{otherLanguage.name}}</a></li>
    </ul>
    </nav>
    </header>
    <main id="main">
    {{$main}}{{/main}}
    </main>
    <footer class="site">
    <p>{{t.footer}}</p>
    </footer>
    </body>
    </html>

    """

    static let home = """
    {{<layout}}
    {{$title}}{{t.portal}}{{/title}}
    {{$main}}
    <h1>{{t.portal}}</h1>
    <p>{{t.homeIntro}}</p>
    <section aria-labelledby="dip-heading">
    <h2 id="dip-heading">{{t.dip}}</h2>
    <p>{{t.dipIntro}}</p>
    <p><a class="button" href="/dip{{query}}">{{t.openDip}}</a></p>
    <ul class="counts">
    {{#categories}}
    <li><a href="/dip?kategori={{code}}{{amp}}">{{name}}</a>: {{count}}</li>
    {{/categories}}
    </ul>
    </section>
    <section aria-labelledby="rights-heading">
    <h2 id="rights-heading">{{t.rightsTitle}}</h2>
    <p>{{t.rights}}</p>
    </section>
    {{/main}}
    {{/layout}}

    """

    static let dipList = """
    {{<layout}}
    {{$title}}{{t.dip}}{{/title}}
    {{$main}}
    <h1>{{t.dip}}</h1>
    <p>{{t.dipIntro}}</p>
    <form class="filters" method="get" action="/dip" role="search">
    {{#english}}<input type="hidden" name="lang" value="en">{{/english}}
    <div class="field">
    <label for="q">{{t.search}}</label>
    <input type="search" id="q" name="q" value="{{q}}" maxlength="200">
    </div>
    <div class="field">
    <label for="unit">{{t.unit}}</label>
    <select id="unit" name="unit">
    <option value="">{{t.allUnits}}</option>
    {{#unitOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>
    {{/unitOptions}}
    </select>
    </div>
    <div class="field">
    <label for="kategori">{{t.category}}</label>
    <select id="kategori" name="kategori">
    <option value="">{{t.allCategories}}</option>
    {{#categoryOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>
    {{/categoryOptions}}
    </select>
    </div>
    <button type="submit">{{t.find}}</button>
    </form>
    <p class="summary" role="status">{{found}}</p>
    <p class="downloads">{{t.openData}}: <a href="/dip.csv{{filterQuery}}">CSV</a> · <a href="/dip.json{{filterQuery}}">JSON</a></p>
    {{#units}}
    <section class="unit" aria-labelledby="unit-{{code}}">
    <h2 id="unit-{{code}}">{{name}}</h2>
    {{#categories}}
    <h3>{{name}}</h3>
    <table>
    <caption class="visually-hidden">{{name}}</caption>
    <thead><tr><th scope="col">{{t.number}}</th><th scope="col">{{t.titleColumn}}</th><th scope="col">{{t.details}}</th></tr></thead>
    <tbody>
    {{#entries}}
    <tr>
    <td>{{number}}</td>
    <td><a href="/dip/{{id}}{{query}}">{{title}}</a></td>
    <td>{{#exempt}}<span class="exempt">{{basis}}</span>; {{period}}{{/exempt}}{{^exempt}}{{summary}}{{/exempt}}</td>
    </tr>
    {{/entries}}
    </tbody>
    </table>
    {{/categories}}
    </section>
    {{/units}}
    {{#pages}}
    <nav class="pages" aria-label="{{t.pages}}">
    {{#previous}}<a href="{{previous}}" rel="prev">{{t.previous}}</a>{{/previous}}
    <span>{{pageText}}</span>
    {{#next}}<a href="{{next}}" rel="next">{{t.next}}</a>{{/next}}
    </nav>
    {{/pages}}
    {{/main}}
    {{/layout}}

    """

    static let dipEntry = """
    {{<layout}}
    {{$title}}{{title}}{{/title}}
    {{$main}}
    <p><a href="/dip{{query}}">{{t.backToList}}</a></p>
    <h1>{{title}}</h1>
    {{#exempt}}
    <p class="notice">{{t.exemptNotice}}</p>
    {{/exempt}}
    <dl class="fields">
    {{#fields}}
    <dt>{{label}}</dt>
    <dd>{{#link}}<a href="{{link}}" rel="noopener noreferrer">{{value}}</a>{{/link}}{{^link}}{{value}}{{/link}}</dd>
    {{/fields}}
    </dl>
    {{/main}}
    {{/layout}}

    """

    static let notFound = """
    {{<layout}}
    {{$title}}{{t.notFound}}{{/title}}
    {{$main}}
    <h1>{{t.notFound}}</h1>
    <p>{{t.notFoundHelp}}</p>
    <p><a href="/dip{{query}}">{{t.openDip}}</a></p>
    {{/main}}
    {{/layout}}

    """

    /// Plain, legible on a phone, contrast above WCAG AA, visible focus; no script, no web fonts.
    static let css = """
    :root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --accent: #0b5394; --line: #c8c8c8; --warn: #8a1c1c; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; }
    header.site, footer.site { background: #f3f5f8; padding: 12px 16px; }
    header.site { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; border-bottom: 1px solid var(--line); }
    header.site .brand { margin: 0; font-weight: 700; }
    header.site .brand a { color: var(--ink); text-decoration: none; }
    header.site ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 16px; }
    main { max-width: 64rem; margin: 0 auto; padding: 16px; }
    footer.site { color: var(--muted); font-size: 0.9rem; border-top: 1px solid var(--line); }
    .filters { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin: 16px 0; }
    .field { display: flex; flex-direction: column; min-width: 12rem; flex: 1; }
    label { font-weight: 600; }
    input, select, button { font: inherit; padding: 8px; border: 1px solid #767676; border-radius: 4px; }
    button, .button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; text-decoration: none; padding: 8px 16px; border-radius: 4px; display: inline-block; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
    th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
    td:first-child { white-space: nowrap; }
    .exempt, .notice { color: var(--warn); }
    .notice { border-left: 4px solid var(--warn); padding: 8px 12px; background: #fbeeee; }
    dl.fields { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: 6px 16px; }
    dl.fields dt { font-weight: 600; }
    dl.fields dd { margin: 0; }
    .pages { display: flex; gap: 16px; justify-content: center; margin: 16px 0; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    @media (max-width: 40rem) {
      dl.fields { grid-template-columns: 1fr; }
      dl.fields dd { margin-bottom: 8px; }
      thead { display: none; }
      table, tbody, tr, td { display: block; width: 100%; }
      tr { border-bottom: 1px solid var(--line); padding: 6px 0; }
      td { border: 0; padding: 2px 0; }
    }

    """
}
