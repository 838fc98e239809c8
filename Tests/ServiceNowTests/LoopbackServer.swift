import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ServiceNow

/// A one-connection-at-a-time HTTP server on 127.0.0.1 with an ephemeral port, for testing the real
/// URLSession transport. Each connection gets the next canned answer (or, with `nil`, no answer at
/// all) and is closed. Each answer goes out in one write, so Nagle's algorithm cannot delay it.
final class LoopbackServer: Sendable {
    let port: Int
    private let listener: Int32
    private let answers: Locked<[String?]>
    let requests = Locked<[String]>([])

    enum StartError: Error { case socket(Int32) }

    init(answers: [String?]) throws {
        self.answers = Locked(answers)
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw StartError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 16) == 0 else { close(socket); throw StartError.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = socket
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? Fake.instance }

    /// Stops accepting; the serving thread ends at its next `accept`.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func serve() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            requests.withLock { $0.append(readRequest(connection)) }
            let answer = answers.withLock { $0.isEmpty ? nil : $0.removeFirst() }
            if let answer {
                let bytes = Array(answer.utf8)
                _ = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                close(connection)
            } else {
                // Hold the connection open without answering until the client gives up.
                var buffer = [UInt8](repeating: 0, count: 1024)
                while recv(connection, &buffer, buffer.count, 0) > 0 {}
                close(connection)
            }
        }
    }

    private func readRequest(_ connection: Int32) -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !String(decoding: data, as: UTF8.self).contains("\r\n\r\n") {
            let count = recv(connection, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// A complete HTTP/1.1 response that closes the connection.
    static func answer(status: Int, reason: String = "OK", headers: [String: String] = [:], body: String) -> String {
        var lines = ["HTTP/1.1 \(status) \(reason)", "Content-Length: \(body.utf8.count)", "Connection: close"]
        lines += headers.map { "\($0.key): \($0.value)" }
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + body
    }
}
