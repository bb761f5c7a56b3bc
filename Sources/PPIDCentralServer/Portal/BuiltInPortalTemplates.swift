/// The portal's built-in templates (Mustache, HTML-escaped by default) and style sheet. A body
/// restyles the portal by putting files of the same names in its templates folder
/// (`ppid-central serve --portal-templates DIR`): `<name>.mustache` for each name of ``templates``,
/// and `portal.css`.
enum BuiltInPortalTemplates {
    static let templates: [String: String] = [
        "layout": layout,
        "home": home,
        "dip-list": dipList,
        "dip-entry": dipEntry,
        "not-found": notFound,
        "request-form": requestForm,
        "request-receipt": requestReceipt,
        "status-form": statusForm,
        "status": status,
        "objection-receipt": objectionReceipt,
        "problem": problem,
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
    <li><a href="/permohonan{{query}}">{{t.requestNav}}</a></li>
    <li><a href="/status{{query}}">{{t.statusNav}}</a></li>
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
    <p><a class="button" href="/permohonan{{query}}">{{t.requestNav}}</a> <a href="/status{{query}}">{{t.statusNav}}</a></p>
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
    {{#hasFiles}}
    <h2>{{t.entryFiles}}</h2>
    <ul class="files">
    {{#files}}<li><a href="{{href}}" download>{{name}}</a> ({{type}}, {{size}})</li>
    {{/files}}
    </ul>
    {{/hasFiles}}
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


    static let requestForm = """
    {{<layout}}
    {{$title}}{{t.requestTitle}}{{/title}}
    {{$main}}
    <h1>{{t.requestTitle}}</h1>
    <p>{{t.requestIntro}}</p>
    {{#problem}}
    <div class="error-summary" role="alert" tabindex="-1">
    <h2>{{t.problemTitle}}</h2>
    <p>{{#field}}<a href="#{{field}}">{{message}}</a>{{/field}}{{^field}}{{message}}{{/field}}</p>
    </div>
    {{/problem}}
    <form method="post" action="/permohonan{{query}}" enctype="multipart/form-data" novalidate>
    <input type="hidden" name="csrf" value="{{csrf}}">
    <fieldset>
    <legend>{{t.requesterLegend}}</legend>
    <div class="field">
    <span class="label" id="kind-label">{{t.kindLabel}}</span>
    <div role="radiogroup" aria-labelledby="kind-label" class="choices">
    {{#kinds}}<label><input type="radio" name="kind" value="{{code}}"{{#checked}} checked{{/checked}}> {{name}}</label>
    {{/kinds}}
    </div>
    </div>
    {{#textFields}}
    <div class="field{{#error}} has-error{{/error}}">
    <label for="{{name}}">{{label}}{{#required}} <span class="required">({{t.required}})</span>{{/required}}</label>
    {{#hint}}<span class="hint" id="{{name}}-hint">{{hint}}</span>{{/hint}}
    {{#error}}<span class="error" id="{{name}}-error">{{error}}</span>{{/error}}
    {{#multiline}}<textarea id="{{name}}" name="{{name}}" rows="4" maxlength="{{maximum}}"{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{value}}</textarea>{{/multiline}}
    {{^multiline}}<input type="{{type}}" id="{{name}}" name="{{name}}" value="{{value}}" maxlength="{{maximum}}"{{#autocomplete}} autocomplete="{{autocomplete}}"{{/autocomplete}}{{#inputmode}} inputmode="{{inputmode}}"{{/inputmode}}{{#describedBy}} aria-describedby="{{describedBy}}"{{/describedBy}}>{{/multiline}}
    </div>
    {{/textFields}}
    </fieldset>
    <fieldset>
    <legend>{{t.requestLegend}}</legend>
    <div class="field{{#unitError}} has-error{{/unitError}}">
    <label for="unit">{{t.unitQuestion}}</label>
    {{#unitError}}<span class="error" id="unit-error">{{unitError}}</span>{{/unitError}}
    <select id="unit" name="unit">
    <option value="">{{t.notSure}}</option>
    {{#unitOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>
    {{/unitOptions}}
    </select>
    </div>
    {{#requestFields}}
    <div class="field{{#error}} has-error{{/error}}">
    <label for="{{name}}">{{label}} <span class="required">({{t.required}})</span></label>
    {{#error}}<span class="error" id="{{name}}-error">{{error}}</span>{{/error}}
    <textarea id="{{name}}" name="{{name}}" rows="5" maxlength="{{maximum}}"{{#error}} aria-describedby="{{name}}-error"{{/error}}>{{value}}</textarea>
    </div>
    {{/requestFields}}
    <div class="field">
    <label for="obtain">{{t.obtainLabel}}</label>
    <select id="obtain" name="obtain">
    {{#obtainOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>
    {{/obtainOptions}}
    </select>
    </div>
    <div class="field">
    <label for="delivery">{{t.deliveryLabel}}</label>
    <select id="delivery" name="delivery">
    {{#deliveryOptions}}<option value="{{code}}"{{#selected}} selected{{/selected}}>{{name}}</option>
    {{/deliveryOptions}}
    </select>
    </div>
    <div class="field{{#idScanError}} has-error{{/idScanError}}">
    <label for="idScan">{{t.idScanLabel}} <span class="required">({{t.required}})</span></label>
    <span class="hint" id="idScan-hint">{{t.idScanHint}}</span>
    {{#idScanError}}<span class="error" id="idScan-error">{{idScanError}}</span>{{/idScanError}}
    <input type="file" id="idScan" name="idScan" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" aria-describedby="idScan-hint">
    </div>
    </fieldset>
    <p class="hint">{{t.privacy}}</p>
    <button type="submit">{{t.submitRequest}}</button>
    </form>
    {{/main}}
    {{/layout}}

    """

    static let requestReceipt = """
    {{<layout}}
    {{$title}}{{t.receiptTitle}}{{/title}}
    {{$main}}
    <h1>{{t.receiptTitle}}</h1>
    <p class="success" role="status">{{t.receiptIntro}}</p>
    <dl class="fields">
    <dt>{{t.registrationNumber}}</dt><dd><strong id="registration-number">{{number}}</strong></dd>
    <dt>{{t.trackingCode}}</dt><dd><strong id="tracking-code" class="code">{{code}}</strong></dd>
    <dt>{{t.unit}}</dt><dd>{{unitName}}</dd>
    <dt>{{t.receivedOn}}</dt><dd>{{receivedOn}}</dd>
    <dt>{{t.noticeDue}}</dt><dd>{{noticeDue}}{{#provisional}} <span class="provisional">({{t.provisional}})</span>{{/provisional}}</dd>
    </dl>
    <p class="notice">{{t.keepCode}}</p>
    {{#email}}<p>{{t.receiptEmail}}</p>{{/email}}
    <p><a class="button" href="/status{{query}}">{{t.statusNav}}</a></p>
    {{/main}}
    {{/layout}}

    """

    static let statusForm = """
    {{<layout}}
    {{$title}}{{t.statusTitle}}{{/title}}
    {{$main}}
    <h1>{{t.statusTitle}}</h1>
    <p>{{t.statusIntro}}</p>
    {{#problem}}
    <div class="error-summary" role="alert" tabindex="-1">
    <h2>{{t.problemTitle}}</h2>
    <p>{{message}}</p>
    </div>
    {{/problem}}
    <form method="post" action="/status{{query}}">
    <input type="hidden" name="csrf" value="{{csrf}}">
    <div class="field">
    <label for="number">{{t.registrationNumber}}</label>
    <input type="text" id="number" name="number" value="{{number}}" maxlength="80" autocomplete="off">
    </div>
    <div class="field">
    <label for="code">{{t.trackingCode}}</label>
    <input type="text" id="code" name="code" maxlength="60" autocomplete="off" spellcheck="false">
    </div>
    <button type="submit">{{t.showStatus}}</button>
    </form>
    {{/main}}
    {{/layout}}

    """

    static let status = """
    {{<layout}}
    {{$title}}{{t.statusTitle}}{{/title}}
    {{$main}}
    <h1>{{t.statusTitle}} {{number}}</h1>
    <dl class="fields">
    <dt>{{t.state}}</dt><dd><strong id="state">{{state}}</strong></dd>
    <dt>{{t.unit}}</dt><dd>{{unitName}}</dd>
    <dt>{{t.receivedOn}}</dt><dd>{{receivedOn}}</dd>
    {{#dates}}<dt>{{label}}</dt><dd>{{value}}{{#provisional}} <span class="provisional">({{t.provisional}})</span>{{/provisional}}</dd>
    {{/dates}}
    </dl>
    {{#notice}}
    <section aria-labelledby="notice-heading">
    <h2 id="notice-heading">{{t.noticeHeading}}</h2>
    <dl class="fields">
    {{#rows}}<dt>{{label}}</dt><dd>{{value}}</dd>
    {{/rows}}
    </dl>
    </section>
    {{/notice}}
    {{#hasReleased}}
    <section aria-labelledby="files-heading">
    <h2 id="files-heading">{{t.releasedHeading}}</h2>
    <ul class="files">
    {{#released}}<li><form method="post" action="/status/berkas{{query}}" class="inline">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="number" value="{{number}}"><input type="hidden" name="code" value="{{code}}"><input type="hidden" name="file" value="{{sha256}}">
    <button type="submit" class="link">{{t.download}} {{name}}</button> ({{size}})</form></li>
    {{/released}}
    </ul>
    </section>
    {{/hasReleased}}
    {{#hasObjections}}
    <section aria-labelledby="objections-heading">
    <h2 id="objections-heading">{{t.objectionsHeading}}</h2>
    <ul>
    {{#objections}}<li><strong>{{number}}</strong>: {{state}}; {{t.answerDue}} {{answerDue}}{{#answer}}; {{answer}}{{/answer}}</li>
    {{/objections}}
    </ul>
    </section>
    {{/hasObjections}}
    {{#mayObject}}
    <section aria-labelledby="object-heading">
    <h2 id="object-heading">{{t.objectHeading}}</h2>
    <p>{{objectIntro}}</p>
    {{#problem}}
    <div class="error-summary" role="alert" tabindex="-1"><h3>{{t.problemTitle}}</h3><p>{{message}}</p></div>
    {{/problem}}
    <form method="post" action="/keberatan{{query}}" enctype="multipart/form-data">
    <input type="hidden" name="csrf" value="{{csrf}}"><input type="hidden" name="number" value="{{number}}"><input type="hidden" name="code" value="{{code}}">
    <fieldset>
    <legend>{{t.groundsLegend}}</legend>
    {{#grounds}}<div class="choice"><label><input type="checkbox" name="ground-{{letter}}" value="yes"{{#checked}} checked{{/checked}}> {{text}}</label>{{#help}}<span class="hint">{{help}}</span>{{/help}}</div>
    {{/grounds}}
    </fieldset>
    <div class="field">
    <label for="filedBy">{{t.filedBy}} <span class="required">({{t.required}})</span></label>
    <input type="text" id="filedBy" name="filedBy" value="{{filedBy}}" maxlength="200" autocomplete="name">
    </div>
    <div class="field">
    <label for="statement">{{t.statement}}</label>
    <textarea id="statement" name="statement" rows="5" maxlength="4000">{{statement}}</textarea>
    </div>
    <div class="field">
    <label for="supporting">{{t.supportingLabel}}</label>
    <span class="hint" id="supporting-hint">{{t.supportingHint}}</span>
    <input type="file" id="supporting" name="supporting" accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" aria-describedby="supporting-hint">
    </div>
    <button type="submit">{{t.submitObjection}}</button>
    </form>
    </section>
    {{/mayObject}}
    {{^mayObject}}{{#objectNote}}<p class="hint">{{objectNote}}</p>{{/objectNote}}{{/mayObject}}
    {{/main}}
    {{/layout}}

    """

    static let objectionReceipt = """
    {{<layout}}
    {{$title}}{{t.objectionReceiptTitle}}{{/title}}
    {{$main}}
    <h1>{{t.objectionReceiptTitle}}</h1>
    <p class="success" role="status">{{t.objectionReceiptIntro}}</p>
    <dl class="fields">
    <dt>{{t.objectionNumber}}</dt><dd><strong id="objection-number">{{objectionNumber}}</strong></dd>
    <dt>{{t.registrationNumber}}</dt><dd>{{number}}</dd>
    <dt>{{t.filedOn}}</dt><dd>{{filedOn}}</dd>
    <dt>{{t.answerDue}}</dt><dd>{{answerDue}}{{#provisional}} <span class="provisional">({{t.provisional}})</span>{{/provisional}}</dd>
    </dl>
    <p>{{t.objectionNext}}</p>
    <p><a href="/status{{query}}">{{t.statusNav}}</a></p>
    {{/main}}
    {{/layout}}

    """

    static let problem = """
    {{<layout}}
    {{$title}}{{t.problemTitle}}{{/title}}
    {{$main}}
    <h1>{{t.problemTitle}}</h1>
    <p role="alert">{{message}}</p>
    <p><a href="{{back}}">{{t.tryAgain}}</a></p>
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
    header.site ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    h1, h2, .fields dd { overflow-wrap: anywhere; }
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
    fieldset { border: 1px solid var(--line); border-radius: 4px; margin: 0 0 16px; padding: 8px 16px 16px; }
    legend { font-weight: 700; padding: 0 4px; }
    form .field { margin: 12px 0; }
    textarea { font: inherit; padding: 8px; border: 1px solid #767676; border-radius: 4px; width: 100%; }
    form input[type=text], form input[type=email], form input[type=tel], form select { width: 100%; max-width: 36rem; }
    .choices label, .choice label { display: block; font-weight: normal; margin: 4px 0; }
    .hint { display: block; color: var(--muted); font-size: 0.95rem; }
    .required { font-weight: normal; color: var(--muted); }
    .error { display: block; color: var(--warn); font-weight: 600; }
    .has-error input, .has-error textarea, .has-error select { border: 2px solid var(--warn); }
    .error-summary { border: 3px solid var(--warn); padding: 8px 16px; margin: 16px 0; }
    .success { border-left: 4px solid #1e6b35; padding: 8px 12px; background: #eaf5ed; }
    .code { font-family: ui-monospace, monospace; letter-spacing: 0.05em; word-break: break-all; }
    .provisional { color: var(--warn); }
    form.inline { display: inline; }
    button.link { background: none; border: 0; color: var(--accent); text-decoration: underline; padding: 0; }
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
