import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Turns HTTP answers and transport failures into ``ServiceNowError`` values.
///
/// Kept apart from the client so that the mapping — the part most worth reading when ServiceNow
/// misbehaves — is one screen of code.
enum ResponseClassification {
    /// The error a non-2xx response stands for, or a 2xx response whose body is not JSON.
    static func error(
        for response: HTTPURLResponse, body: Data, method: String, path: String, account: String?
    ) -> ServiceNowError {
        let status = response.statusCode
        let rateLimit = RateLimitInfo(headers: response)
        var error = ServiceNowError(
            kind: kind(forStatus: status), status: status, message: HTTPURLResponse.localizedString(forStatusCode: status),
            method: method, path: path, retryAfter: retryAfter(response),
            rateLimit: rateLimit.isEmpty ? nil : rateLimit, account: account)
        if let envelope = ErrorEnvelope(body) {
            error.message = envelope.message
            error.detail = envelope.detail
        } else if !body.isEmpty, !looksLikeJSON(body) {
            let text = String(decoding: body.prefix(64 * 1024), as: UTF8.self)
            if isHibernationPage(text) {
                error.kind = .instanceAsleep
                error.message = "instance is asleep"
            } else if (200..<300).contains(status) {
                error.kind = .invalidResponse
                error.message = "expected JSON, got \(response.value(forHTTPHeaderField: "Content-Type") ?? "no content type")"
            }
            error.detail = snippet(text)
        }
        return error
    }

    /// The kind for an HTTP status that is not a success.
    static func kind(forStatus status: Int) -> ServiceNowError.Kind {
        switch status {
        case 401: .authentication
        case 403: .forbidden
        case 404: .notFound
        case 429: .rateLimited
        case 400..<500: .badRequest
        case 500..<600: .server
        default: .invalidResponse
        }
    }

    /// The error a transport failure stands for.
    static func error(forTransportFailure failure: any Error, method: String, path: String) -> ServiceNowError {
        if let error = failure as? ServiceNowError { return error }
        if failure is CancellationError {
            return ServiceNowError(kind: .cancelled, message: "cancelled", method: method, path: path)
        }
        let code: URLError.Code?
        if let urlError = failure as? URLError {
            code = urlError.code
        } else if (failure as NSError).domain == NSURLErrorDomain {
            code = URLError.Code(rawValue: (failure as NSError).code)
        } else {
            code = nil
        }
        let message = (failure as NSError).localizedDescription
        switch code {
        case .timedOut?:
            return ServiceNowError(kind: .timeout, message: message, method: method, path: path)
        case .cancelled?:
            return ServiceNowError(kind: .cancelled, message: message, method: method, path: path)
        default:
            return ServiceNowError(kind: .network, message: message, method: method, path: path)
        }
    }

    /// Whether a body starts like a JSON document.
    static func looksLikeJSON(_ body: Data) -> Bool {
        for byte in body.prefix(1024) {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): return true
            default: return false
            }
        }
        return false
    }

    /// Whether an HTML page is ServiceNow's "your instance is hibernating" page.
    static func isHibernationPage(_ text: String) -> Bool {
        let lowered = text.lowercased()
        return ["hibernat", "instance is asleep", "instance is sleeping", "waking up", "wake up your instance", "waking"]
            .contains { lowered.contains($0) }
    }

    /// `Retry-After` in seconds or as an HTTP date.
    static func retryAfter(_ response: HTTPURLResponse) -> Duration? {
        guard let value = response.value(forHTTPHeaderField: "Retry-After")?.trimmingCharacters(in: .whitespaces) else {
            return nil
        }
        if let seconds = Double(value), seconds.isFinite, seconds >= 0 {
            return .seconds(seconds)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSinceNow))
    }

    /// The visible text of a body, squeezed to one short line for an error message.
    static func snippet(_ text: String, limit: Int = 160) -> String {
        var plain = ""
        var inTag = false
        for character in text {
            if character == "<" { inTag = true; plain.append(" "); continue }
            if character == ">" { inTag = false; continue }
            if !inTag { plain.append(character) }
        }
        let squeezed = plain.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return squeezed.count > limit ? String(squeezed.prefix(limit)) + "…" : squeezed
    }
}

/// The Table API's `{"error":{"message","detail"},"status":"failure"}`, or the OAuth endpoint's
/// `{"error":"server_error","error_description":"access_denied"}`.
struct ErrorEnvelope {
    var message: String
    var detail: String?

    init?(_ body: Data) {
        guard ResponseClassification.looksLikeJSON(body),
              let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any]
        else { return nil }
        if let error = object["error"] as? [String: Any] {
            message = (error["message"] as? String) ?? "no message"
            detail = error["detail"] as? String
        } else if let code = object["error"] as? String {
            message = (object["error_description"] as? String) ?? code
            detail = object["error_description"] == nil ? nil : code
        } else {
            return nil
        }
    }
}
