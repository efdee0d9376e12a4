import Mustache

/// The office page's templates (DESIGN.md §7): server-rendered HTML and SVG, in
/// Vietnamese, readable on a phone, no JavaScript. Kept in the binary, so a hub is one file
/// to deploy.
enum OfficeTemplates {
    /// HTML escaping per Unicode scalar. Mustache's own escapes per Character, so a `"`
    /// followed by a combining mark (one Character) would pass unescaped and close an
    /// attribute; here every `<`, `>`, `&`, `"` and `'` is escaped wherever it stands.
    struct ScalarHTML: MustacheContentType {
        func escapeText(_ text: String) -> String {
            var escaped = ""
            escaped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
            for scalar in text.unicodeScalars {
                switch scalar {
                case "<": escaped += "&lt;"
                case ">": escaped += "&gt;"
                case "&": escaped += "&amp;"
                case "\"": escaped += "&quot;"
                case "'": escaped += "&#39;"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped
        }
    }

    /// Parses `text` as an HTML template escaped by `ScalarHTML`.
    static func template(_ text: String) -> MustacheTemplate? {
        MustacheContentTypes.register(ScalarHTML(), named: "NTM_HTML")
        return try? MustacheTemplate(string: "{{% CONTENT_TYPE: NTM_HTML }}" + text)
    }

    static let style = """
        <style>
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.45 "Noto Sans",system-ui,sans-serif;color:#1b1b1b;background:#f5f6f2}
        header{background:#1f5130;color:#fff;padding:.8rem 1rem}
        header h1{margin:0;font-size:1.2rem}
        header p{margin:.2rem 0 0;font-size:.9rem;opacity:.9}
        main{max-width:60rem;margin:0 auto;padding:.5rem 1rem 2rem}
        section{background:#fff;border:1px solid #dfe3da;border-radius:.5rem;padding:.8rem 1rem;margin:1rem 0}
        h2{font-size:1.05rem;margin:0 0 .6rem}
        .row{display:grid;grid-template-columns:minmax(6rem,10rem) 1fr minmax(5rem,12rem);gap:.5rem;align-items:center;margin:.35rem 0}
        .row svg{width:100%;height:1.1rem;display:block}
        .value{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
        .total{border-top:1px solid #dfe3da;margin-top:.5rem;padding-top:.4rem;font-weight:600}
        nav{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;margin:.6rem 0}
        nav a{color:#1f5130}
        table{border-collapse:collapse;width:100%;font-size:.92rem}
        th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #eceee8;vertical-align:top}
        td.num,th.num{text-align:right}
        .scroll{overflow-x:auto}
        .warn{color:#9a3b00;font-weight:600}
        .note{color:#555;font-size:.88rem}
        form.inline{display:inline}
        button{font:inherit;padding:.45rem 1rem;border-radius:.4rem;border:1px solid #1f5130;background:#1f5130;color:#fff}
        button.link{background:none;color:#fff;border-color:#fff;padding:.2rem .6rem}
        input[type=password]{font:inherit;width:100%;padding:.5rem;border:1px solid #aab3a4;border-radius:.4rem}
        .error{background:#fff1ec;border:1px solid #f0b9a2;padding:.6rem .8rem;border-radius:.4rem}
        @media (max-width:30rem){.row{grid-template-columns:1fr auto}.row svg{grid-column:1 / -1;grid-row:2}
        table.stack thead{display:none}table.stack tr{display:block;border-bottom:1px solid #dfe3da;padding:.3rem 0}
        table.stack td{display:grid;grid-template-columns:7.5rem 1fr;gap:.5rem;border:0;padding:.1rem .2rem;text-align:left}
        table.stack td::before{content:attr(data-label);color:#555}}
        </style>
        """

    /// The start of every page, up to `<body>`.
    static func head(title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        \(style)
        </head><body>
        """
    }

    static let login = template(
        """
        \(head(title: "Đăng nhập — Văn phòng xã"))
        <header><h1>NTM Sync — Văn phòng xã</h1><p>Theo dõi chương trình Nông thôn mới</p></header>
        <main>
        <section>
        <h2>Đăng nhập</h2>
        {{#message}}<p class="error" role="alert">{{message}}</p>{{/message}}
        <form method="post" action="{{base}}/login">
        <p><label for="token">Token của cán bộ xã</label></p>
        <p><input type="password" id="token" name="token" autocomplete="current-password" required maxlength="200"></p>
        <p><button type="submit">Đăng nhập</button></p>
        </form>
        <p class="note">Token do ntm-hub token issue --role reviewer cấp. Token của trưởng thôn không dùng được ở đây.
        Phiên đăng nhập hết hạn sau {{lifetime}}.</p>
        </section>
        </main></body></html>
        """)

    static let office = template(
        """
        \(head(title: "{{commune}} — Tháng {{month}}"))
        <header>
        <h1>{{commune}} — Tháng {{month}}</h1>
        <p>{{reviewer}} · số liệu đến ngày {{asOf}} ·
        <form class="inline" method="post" action="{{base}}/logout"><button class="link" type="submit">Đăng xuất</button></form></p>
        </header>
        <main>
        <nav aria-label="Chọn tháng"><a href="{{base}}/?thang={{previous}}">← Tháng trước</a>
        {{#next}}<a href="{{base}}/?thang={{next}}">Tháng sau →</a>{{/next}}
        <span class="note">Cùng số liệu với ntm-hub report month {{month}}</span></nav>
        {{#charts}}
        <section id="{{key}}">
        <h2>{{title}}</h2>
        {{#bars}}
        <div class="row" data-hamlet="{{hamletID}}">
        <span>{{name}}</span>
        <svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="{{name}}: {{text}}">
        <rect x="0" y="0" width="100" height="10" fill="#e7ebe2"/>
        {{#background}}<rect x="0" y="0" width="{{background}}" height="10" fill="#b9d3bf"/>{{/background}}
        <rect x="0" y="0" width="{{width}}" height="10" fill="#2e7d46"/>
        </svg>
        <span class="value" data-figure="{{key}}" data-value="{{value}}">{{text}}</span>
        </div>
        {{/bars}}
        {{^bars}}<p class="note">Chưa có thôn/xóm nào.</p>{{/bars}}
        <div class="row total" data-hamlet="total"><span>Toàn xã</span><span></span>
        <span class="value" data-figure="{{key}}" data-value="{{totalValue}}">{{totalText}}</span></div>
        <p class="note">{{note}}</p>
        </section>
        {{/charts}}
        <section id="conflicts">
        <h2>Xung đột chờ xử lý: <span data-figure="open_conflicts" data-value="{{openConflicts}}">{{openConflicts}}</span></h2>
        {{#hasConflicts}}
        <div class="scroll"><table class="stack">
        <thead><tr><th>Thôn/xóm</th><th>Bảng</th><th>Trường</th><th>Mở lúc</th><th>Mã</th></tr></thead>
        <tbody>
        {{#conflicts}}<tr><td data-label="Thôn/xóm">{{hamlet}}</td><td data-label="Bảng">{{table}}</td><td data-label="Trường">{{field}}</td><td data-label="Mở lúc">{{opened}}</td><td data-label="Mã"><code>{{id}}</code></td></tr>{{/conflicts}}
        </tbody></table></div>
        {{#more}}<p class="note">Và {{more}} xung đột khác: ntm conflicts list</p>{{/more}}
        <p class="note">Xử lý bằng ntm conflicts resolve MÃ --take hub|incoming.</p>
        {{/hasConflicts}}
        {{^hasConflicts}}<p class="note">Không có xung đột nào đang chờ.</p>{{/hasConflicts}}
        </section>
        <section id="devices">
        <h2>Thiết bị: <span data-figure="devices" data-value="{{deviceCount}}">{{deviceCount}}</span></h2>
        {{#hasDevices}}
        <div class="scroll"><table class="stack">
        <thead><tr><th>Người giữ</th><th>Thôn/xóm</th><th>Đồng bộ lần cuối</th><th class="num">Chờ gửi</th><th>Phiên bản</th></tr></thead>
        <tbody>
        {{#devices}}<tr data-replica="{{replicaID}}"><td data-label="Người giữ">{{holder}}</td><td data-label="Thôn/xóm">{{hamlet}}</td>
        <td data-label="Đồng bộ lần cuối">{{lastSeen}}{{#warning}} <span class="warn">{{warning}}</span>{{/warning}}</td>
        <td class="num" data-label="Chờ gửi">{{pending}}</td><td data-label="Phiên bản">{{version}}</td></tr>{{/devices}}
        </tbody></table></div>
        {{#moreDevices}}<p class="note">Và {{moreDevices}} thiết bị khác: ntm-hub devices</p>{{/moreDevices}}
        {{/hasDevices}}
        {{^hasDevices}}<p class="note">Chưa thiết bị nào đồng bộ.</p>{{/hasDevices}}
        </section>
        </main></body></html>
        """)

    static let message = template(
        """
        \(head(title: "{{title}}"))
        <header><h1>NTM Sync — Văn phòng xã</h1></header>
        <main><section><h2>{{title}}</h2><p class="error" role="alert">{{message}}</p>
        <p><a href="{{base}}/">Về trang chính</a></p></section></main></body></html>
        """)
}
