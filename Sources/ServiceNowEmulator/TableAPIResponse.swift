import Foundation
import Hummingbird

/// Builds answers shaped like ServiceNow's.
enum TableAPIResponse {
    static let jsonType = "application/json;charset=UTF-8"

    static func json(_ status: HTTPResponse.Status, _ body: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [
            .contentType: jsonType, .cacheControl: "no-cache,no-store,must-revalidate,max-age=-1",
            .pragma: "no-store,no-cache", .expires: "0",
        ]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func error(_ status: HTTPResponse.Status, _ message: String, _ detail: String?, headers: HTTPFields = [:])
        -> Response
    {
        json(status, JSONText.errorEnvelope(message: message, detail: detail), headers: headers)
    }

    static func unauthenticated() -> Response {
        error(
            .unauthorized, "User Not Authenticated", "Required to provide Auth information",
            headers: [.wwwAuthenticate: "Basic realm=\"Service-now\""])
    }

    static func notFound() -> Response {
        error(.notFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval")
    }

    static func forbidden() -> Response {
        error(.forbidden, "Operation Failed", "ACL Exception Update Failed due to security constraints")
    }

    static func invalidTable(_ table: String) -> Response {
        error(.badRequest, "Invalid table \(table)", nil)
    }

    static func rateLimited(limit: Int, resetsAt: Int, retryAfter: Int, rule: String) -> Response {
        error(
            .tooManyRequests, "Rate limit exceeded", "Rate limit of \(limit) requests per hour for Table API exceeded",
            headers: [
                .retryAfter: String(max(retryAfter, 1)), .rateLimitLimit: String(limit),
                .rateLimitReset: String(resetsAt), .rateLimitRule: rule,
            ])
    }

    /// The page a sleeping (hibernating) developer instance answers with: HTML, not JSON.
    static func asleep(_ status: HTTPResponse.Status) -> Response {
        let page = """
            <!DOCTYPE html><html><head><title>Instance Hibernating page</title></head><body>\
            <h1>Your instance is hibernating</h1><p>This developer instance is asleep. Sign in to the developer \
            portal to wake it up, then try again in a few minutes.</p></body></html>
            """
        return Response(
            status: status, headers: [.contentType: "text/html;charset=UTF-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page)))
    }

    /// The answer to an injected status fault.
    static func fault(status code: Int, retryAfter: Int, now: Date) -> Response {
        let status = HTTPResponse.Status(code: code)
        switch code {
        case 429:
            return rateLimited(
                limit: 1000, resetsAt: Int(now.timeIntervalSince1970) + retryAfter, retryAfter: retryAfter,
                rule: "emulator fault")
        case 500, 502, 503, 504: return asleep(status)
        case 403: return forbidden()
        case 401: return unauthenticated()
        case 404: return notFound()
        default: return error(status, status.reasonPhrase.isEmpty ? "Error \(code)" : status.reasonPhrase, nil)
        }
    }
}
