import CoreMetrics
import Foundation
import Metrics
import Prometheus
import SyncCore

/// The hub's metrics (DESIGN.md §7), in Prometheus text at `GET /metrics`: instruments of
/// swift-metrics made by a Prometheus factory of the hub's own (not the process-wide
/// bootstrap, so two hubs in one process count apart), plus figures read from the store at
/// each scrape: open conflicts and devices unseen for 30 days.
package final class HubMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let changesIn: CoreMetrics.Counter
    private let changesOut: CoreMetrics.Counter
    private let conflictsOpened: CoreMetrics.Counter
    private let resolutions: CoreMetrics.Counter
    private let authenticationFailures: CoreMetrics.Counter
    private let openConflicts: CoreMetrics.Gauge
    private let devices: CoreMetrics.Gauge
    private let devicesUnseen: CoreMetrics.Gauge
    private let logHead: CoreMetrics.Gauge

    /// How long a device may go unseen before it counts as silent: 30 days.
    package static let unseenAfterMilliseconds: Int64 = 30 * 86_400_000

    /// Every route the hub serves, for the `route` label: a path no route matched is
    /// counted as `other`, so no client can make up new series.
    static let routes: Set<String> = [
        "/healthz", "/metrics", "/", "/login", "/logout",
        "/v1/status", "/v1/push", "/v1/pull", "/v1/restore", "/v1/conflicts", "/v1/conflicts/{id}",
        "/v1/conflicts/{id}/resolve", "/v1/history/{table}/{id}",
    ]

    /// Metrics of one hub.
    package init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
            .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
        ]
        self.factory = factory
        changesIn = Counter(label: "ntm_changes_in_total", factory: factory)
        changesOut = Counter(label: "ntm_changes_out_total", factory: factory)
        conflictsOpened = Counter(label: "ntm_conflicts_opened_total", factory: factory)
        resolutions = Counter(label: "ntm_conflicts_resolved_total", factory: factory)
        authenticationFailures = Counter(label: "ntm_authentication_failures_total", factory: factory)
        openConflicts = Gauge(label: "ntm_open_conflicts", factory: factory)
        devices = Gauge(label: "ntm_devices", factory: factory)
        devicesUnseen = Gauge(label: "ntm_devices_unseen_30d", factory: factory)
        logHead = Gauge(label: "ntm_log_head", factory: factory)
    }

    /// One request answered: its route, method and status, and how long it took.
    func request(route: String, method: String, status: Int, duration: Duration) {
        let route = Self.routes.contains(route) ? route : "other"
        let method = ["GET", "POST", "HEAD"].contains(method) ? method : "other"
        Counter(
            label: "ntm_http_requests_total",
            dimensions: [("route", route), ("method", method), ("status", String(status))], factory: factory
        ).increment()
        Timer(label: "ntm_http_request_duration_seconds", dimensions: [("route", route)], factory: factory)
            .record(duration: duration)
    }

    /// A push answered: changes received, refused (by code) and conflicts opened.
    func pushed(_ request: PushRequest, _ response: PushResponse) {
        changesIn.increment(by: request.changes.count)
        conflictsOpened.increment(by: response.outcomes.reduce(0) { $0 + $1.conflicts.count })
        for outcome in response.outcomes where outcome.status == .rejected {
            let code = outcome.code.flatMap(SyncError.Kind.init(rawValue:))?.rawValue ?? "other"
            Counter(label: "ntm_changes_rejected_total", dimensions: [("code", code)], factory: factory).increment()
        }
    }

    /// A pull answered with `entries` log entries.
    func pulled(_ entries: Int) { changesOut.increment(by: entries) }

    /// A conflict settled by a reviewer.
    func resolved() { resolutions.increment() }

    /// A request with a missing, unknown or revoked token.
    func authenticationFailed() { authenticationFailures.increment() }

    /// The Prometheus text of every metric, with the store's figures read now.
    func exposition(store: Hub, now: Int64) async throws -> String {
        let office = Principal(role: .reviewer, name: "metrics")
        let status = try await store.status(for: office)
        openConflicts.record(status.openConflicts)
        logHead.record(status.logHead)
        let known = try await store.devices().filter { !$0.tokenRevoked }
        devices.record(known.count)
        devicesUnseen.record(known.filter { now - $0.lastSeenAt > Self.unseenAfterMilliseconds }.count)
        return registry.emitToString()
    }
}
