import CommandSupport
import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import Mustache
import NIOCore
import SyncCore
import Synchronization

/// Signed-in office sessions: a random id in an HttpOnly cookie stands for a reviewer's
/// token, kept in the hub's memory only, for a fixed lifetime. A hub restart signs everyone
/// out; a revoked token ends its sessions at the next page.
final class OfficeSessions: Sendable {
    struct Session: Sendable {
        let token: String
        let expires: ContinuousClock.Instant
    }

    /// The most sessions held at once; the oldest goes first.
    static let maxSessions = 1_000
    private let sessions = Mutex<[String: Session]>([:])
    let lifetime: Duration

    init(lifetime: Duration) { self.lifetime = lifetime }

    /// A new session for `token`; returns its id.
    func open(token: String) -> String {
        let id = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let now = ContinuousClock.now
        sessions.withLock { sessions in
            sessions = sessions.filter { $0.value.expires > now }
            if sessions.count >= Self.maxSessions,
                let oldest = sessions.min(by: { $0.value.expires < $1.value.expires })
            {
                sessions[oldest.key] = nil
            }
            sessions[id] = Session(token: token, expires: now + lifetime)
        }
        return id
    }

    /// The token of a live session; nil when unknown or expired (and then forgotten).
    func token(for id: String) -> String? {
        sessions.withLock { sessions in
            guard let session = sessions[id] else { return nil }
            guard session.expires > ContinuousClock.now else {
                sessions[id] = nil
                return nil
            }
            return session.token
        }
    }

    func close(_ id: String) { _ = sessions.withLock { $0.removeValue(forKey: id) } }
}

/// The commune office's page (DESIGN.md §7): `GET /` shows the month at a glance to a
/// signed-in reviewer; `GET|POST /login` signs in with a reviewer token, `POST /logout`
/// signs out. The token travels only in a POST body, never in a URL.
struct OfficePage: Sendable {
    /// The cookie's name: under TLS with the `__Host-` prefix, which a browser takes only from
    /// a secure origin, for the whole host, so no plain-HTTP page can plant one.
    /// Under `/c/CODE/` the name carries the code, so one browser may be signed in to several
    /// communes of a province's hub.
    var cookieName: String { (secure ? "__Host-ntm_session" : "ntm_session") + (commune.map { "_" + $0 } ?? "") }
    /// The page's path prefix: `/c/CODE` when the hub serves many communes, else empty.
    var base: String { commune.map { "/c/" + $0 } ?? "" }
    static let fetchSite = HTTPField.Name("Sec-Fetch-Site") ?? .contentType
    static let contentTypeOptions = HTTPField.Name("X-Content-Type-Options") ?? .contentType
    static let referrerPolicy = HTTPField.Name("Referrer-Policy") ?? .contentType
    let store: Hub
    let sessions: OfficeSessions
    let throttle: AuthenticationThrottle
    let secure: Bool
    let metrics: HubMetrics
    let commune: String?

    func add(to router: Router<HubRequestContext>) {
        router.get("/") { request, context in try await office(request, context) }
        router.get("login") { request, _ in
            let expired = request.uri.queryParameters.get("het_han") != nil
            return page(
                OfficeTemplates.login,
                LoginView(
                    message: expired ? "Phiên đăng nhập đã hết hạn: hãy đăng nhập lại." : nil,
                    lifetime: lifetimeText, base: base), status: .ok)
        }
        router.post("login") { request, context in
            if let refusal = crossSiteRefusal(request) { return refusal }
            return try await login(request, context)
        }
        router.post("logout") { request, _ in
            if let refusal = crossSiteRefusal(request) { return refusal }
            if let id = sessionID(request) { sessions.close(id) }
            return redirect(base + "/login", cookie: cookie(value: "", maxAge: 0))
        }
    }

    /// The session cookie's header value.
    private func cookie(value: String, maxAge: Int64) -> String {
        "\(cookieName)=\(value); Path=/; Max-Age=\(maxAge); HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
    }

    /// A form posted from another site (a page elsewhere making the office's browser sign in
    /// or out, or spend the sign-in throttle): refused. Browsers say where a POST comes from
    /// in `Sec-Fetch-Site` and `Origin`; a client that sends neither is not a browser.
    private func crossSiteRefusal(_ request: Request) -> Response? {
        var sameSite = true
        if let site = request.headers[Self.fetchSite] {
            sameSite = ["same-origin", "none"].contains(site.lowercased())
        }
        if sameSite, let origin = request.headers[.origin] {
            let host = URLComponents(string: origin).map { ($0.host ?? "") + ($0.port.map { ":\($0)" } ?? "") }
            sameSite = host != nil && host?.lowercased() == request.head.authority?.lowercased()
        }
        guard !sameSite else { return nil }
        return message("Yêu cầu bị từ chối", "Biểu mẫu này chỉ gửi được từ trang của hub.", status: .forbidden)
    }

    private var lifetimeText: String {
        let minutes = Int(sessions.lifetime.components.seconds / 60)
        return minutes >= 60 && minutes % 60 == 0 ? "\(minutes / 60) giờ" : "\(max(1, minutes)) phút"
    }

    private func login(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        let address = context.remoteAddress ?? "unknown"
        if let wait = throttle.retryAfter(address) {
            var response = message(
                "Thử quá nhiều lần", "Có quá nhiều lần đăng nhập sai từ địa chỉ này: hãy chờ một phút rồi thử lại.",
                status: .tooManyRequests)
            response.headers[.retryAfter] = String(max(1, wait.components.seconds + 1))
            return response
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: 4_096)
        } catch is NIOTooManyBytesError {
            return message("Yêu cầu quá dài", "Biểu mẫu đăng nhập dài quá 4 KiB.", status: .contentTooLarge)
        }
        let fields = URLComponents(string: "?" + String(buffer: body).replacingOccurrences(of: "+", with: " "))
        let token = (fields?.queryItems?.first { $0.name == "token" }?.value ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let principal = try await store.principal(forToken: token) else {
            throttle.recordFailure(address)
            metrics.authenticationFailed()
            context.logger.warning(
                "office sign-in failed",
                metadata: [
                    "net.peer.address": "\(LogText.safe(address))",
                    "auth.token_id": "\(AccessToken(token)?.id ?? "none")",
                ])
            return page(
                OfficeTemplates.login,
                LoginView(message: "Token không đúng, giả mạo hoặc đã bị thu hồi.", lifetime: lifetimeText, base: base),
                status: .unauthorized)
        }
        guard principal.isReviewer else {
            return page(
                OfficeTemplates.login,
                LoginView(
                    message:
                        "Trang này dành cho cán bộ xã: token của trưởng thôn không đăng nhập được. Trưởng thôn xem số liệu bằng ntm report.",
                    lifetime: lifetimeText, base: base), status: .forbidden)
        }
        // A new sign-in replaces the browser's old session, which ends on the hub too.
        if let old = sessionID(request) { sessions.close(old) }
        let id = sessions.open(token: token)
        return redirect(base + "/", cookie: cookie(value: id, maxAge: sessions.lifetime.components.seconds))
    }

    private func office(_ request: Request, _ context: HubRequestContext) async throws -> Response {
        guard let id = sessionID(request) else { return redirect(base + "/login") }
        guard let token = sessions.token(for: id) else { return redirect(base + "/login?het_han=1") }
        guard let principal = try await store.principal(forToken: token), principal.isReviewer else {
            sessions.close(id)
            return redirect(base + "/login?het_han=1")
        }
        let today = Format.today()
        let period: ReportPeriod
        do {
            period = try ReportPeriod.month(
                request.uri.queryParameters.get("thang") ?? today.monthText)
        } catch {
            return message("Tháng không hợp lệ", "Tháng phải viết dạng MM/YYYY hoặc YYYY-MM.", status: .badRequest)
        }
        let report = try await store.report(period, asOf: today)
        let status = try await store.status(for: principal)
        let conflicts = try await store.conflicts(status: .open, for: principal)
        let devices = try await store.devices()
        let view = OfficeView(
            report: report, commune: status.communeName ?? "Xã", reviewer: principal.name, conflicts: conflicts,
            devices: devices, now: status.hubTime, today: today, base: base)
        return page(OfficeTemplates.office, view, status: .ok)
    }

    /// The session id in the request's cookies.
    func sessionID(_ request: Request) -> String? {
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == cookieName {
                    let value = parts[1].trimmingCharacters(in: .whitespaces)
                    return value.isEmpty || value.utf8.count > 100 ? nil : value
                }
            }
        }
        return nil
    }

    private func redirect(_ location: String, cookie: String? = nil) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        if let cookie { headers[.setCookie] = cookie }
        return Response(status: .seeOther, headers: headers)
    }

    private func message(_ title: String, _ text: String, status: HTTPResponse.Status) -> Response {
        page(OfficeTemplates.message, ["title": title, "message": text, "base": base], status: status)
    }

    private func page(_ template: MustacheTemplate?, _ object: Any, status: HTTPResponse.Status) -> Response {
        let html = template?.render(object) ?? "<!DOCTYPE html><p>Lỗi mẫu trang.</p>"
        let headers: HTTPFields = [
            .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
            .contentSecurityPolicy:
                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            Self.contentTypeOptions: "nosniff", Self.referrerPolicy: "same-origin",
        ]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }
}

struct LoginView {
    let message: String?
    let lifetime: String
    /// The page's path prefix (`OfficePage.base`).
    let base: String
}

/// What the office page shows, every figure taken from the commune report.
struct OfficeView {
    struct Bar {
        let hamletID: String
        let name: String
        let key: String
        let value: String
        let text: String
        let width: String
        let background: String?
    }

    struct Chart {
        let key: String
        let title: String
        let bars: [Bar]
        let totalValue: String
        let totalText: String
        let note: String
    }

    struct ConflictLine {
        let id: String
        let hamlet: String
        let table: String
        let field: String
        let opened: String
    }

    struct DeviceLine {
        let replicaID: String
        let holder: String
        let hamlet: String
        let lastSeen: String
        let warning: String?
        let pending: String
        let version: String
    }

    let commune: String
    /// The page's path prefix (`OfficePage.base`).
    let base: String
    let month: String
    let previous: String
    let next: String?
    let reviewer: String
    let asOf: String
    let charts: [Chart]
    let openConflicts: Int
    let hasConflicts: Bool
    let conflicts: [ConflictLine]
    let more: Int?
    let deviceCount: Int
    let hasDevices: Bool
    let devices: [DeviceLine]
    let moreDevices: Int?

    /// The most devices listed, most recently seen first; the rest are counted.
    static let deviceLines = 200

    /// The most conflicts listed; the rest are counted.
    static let conflictLines = 20

    init(
        report: CommuneReport, commune: String, reviewer: String, conflicts: [ConflictRecord], devices: [DeviceInfo],
        now: Int64, today: CalendarDate, base: String = ""
    ) {
        self.commune = commune
        self.base = base
        self.reviewer = reviewer
        let first = CalendarDate(report.period.from) ?? today
        month = Format.month(first.monthText, language: .vi)
        let before = first.month == 1 ? (first.year - 1, 12) : (first.year, first.month - 1)
        let after = first.month == 12 ? (first.year + 1, 1) : (first.year, first.month + 1)
        func key(_ month: (Int, Int)) -> String { CalendarDate(year: month.0, month: month.1, day: 1).monthText }
        previous = key(before)
        next = (after.0, after.1) <= (today.year, today.month) ? key(after) : nil
        asOf = Format.date(report.asOf, language: .vi)
        let names = Dictionary(report.hamlets.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })

        func number(_ value: Double) -> String { Format.number(value, language: .vi) }
        func chart(
            _ key: String, _ title: String, note: String, unit: String,
            value: (CommuneReport.Figures) -> Double, background: ((CommuneReport.Figures) -> Double)? = nil
        ) -> Chart {
            let scale = report.hamlets.map { max(value($0.figures), background?($0.figures) ?? 0) }.max() ?? 0
            func percent(_ amount: Double) -> String {
                scale > 0 && amount.isFinite
                    ? Format.number(min(100, max(0, amount / scale * 100)), language: .en) : "0"
            }
            let bars = report.hamlets.map { hamlet in
                let amount = value(hamlet.figures)
                let of = background?(hamlet.figures)
                return Bar(
                    hamletID: hamlet.id, name: hamlet.name, key: key, value: SyncValue.format(amount),
                    text: number(amount) + (of.map { " / " + number($0) } ?? "") + unit, width: percent(amount),
                    background: of.map(percent))
            }
            let total = value(report.totals)
            let totalOf = background?(report.totals)
            return Chart(
                key: key, title: title, bars: bars, totalValue: SyncValue.format(total),
                totalText: number(total) + (totalOf.map { " / " + number($0) } ?? "") + unit, note: note)
        }
        charts = [
            chart(
                "cleanups_held", "Vệ sinh môi trường: số buổi đã làm trong tháng",
                note: "Buổi có trạng thái đã thực hiện, theo ngày của buổi.", unit: " buổi",
                value: { Double($0.cleanups.held) }),
            chart(
                "roads_at_target_m", "Đường đạt bề rộng 6 m (m đạt / tổng m)",
                note: "Đoạn đường đạt bề rộng mục tiêu, tính đến ngày lập.", unit: " m",
                value: { $0.roads.atTargetM }, background: { $0.roads.totalM }),
            chart(
                "land_area_m2", "Đất hiến cho đường (m²)",
                note: "Tổng diện tích hiến, không tính các lần rút lại.", unit: " m²",
                value: { $0.land.areaM2 }),
        ]

        openConflicts = conflicts.count
        hasConflicts = !conflicts.isEmpty
        self.conflicts = conflicts.sorted { $0.openedAt < $1.openedAt }.prefix(Self.conflictLines).map { record in
            ConflictLine(
                id: String(record.id.prefix(8)), hamlet: record.hamletID.flatMap { names[$0] } ?? "—",
                table: Vocabulary.table(record.table, language: .vi),
                field: record.column.map { Vocabulary.column($0, table: record.table, language: .vi) } ?? "(xóa dòng)",
                opened: Format.time(record.openedAt, language: .vi))
        }
        more = conflicts.count > Self.conflictLines ? conflicts.count - Self.conflictLines : nil

        let listed = devices.sorted { $0.lastSeenAt > $1.lastSeenAt }
        deviceCount = listed.count
        hasDevices = !listed.isEmpty
        moreDevices = listed.count > Self.deviceLines ? listed.count - Self.deviceLines : nil
        self.devices = listed.prefix(Self.deviceLines).map { device in
            let silentDays = (now - device.lastSeenAt) / 86_400_000
            let warning: String? =
                device.tokenRevoked
                ? "token đã thu hồi"
                : silentDays >= 30 ? "\(silentDays) ngày chưa đồng bộ" : nil
            return DeviceLine(
                replicaID: device.replicaID, holder: device.holder,
                hamlet: device.hamletName ?? (device.role == "reviewer" ? "Văn phòng xã" : "—"),
                lastSeen: Format.time(device.lastSeenAt, language: .vi), warning: warning,
                pending: device.pending.map { Format.integer($0, language: .vi) } ?? "—",
                version: device.appVersion ?? "—")
        }
    }
}
