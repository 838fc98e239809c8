import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import ServiceNow

/// An HTTP/1.1 server on 127.0.0.1 that keeps connections open, serves each on its own thread and
/// counts them: for testing that the URLSession transport reuses its connections. Every request gets
/// the same answer after `delay`, so that concurrent requests overlap.
final class KeepAliveServer: Sendable {
    let port: Int
    private let listener: Int32
    private let status: Int
    private let extraHeaders: [String: String]
    private let body: String
    private let delay: Duration
    /// Requests served per accepted connection, in the order connections were accepted.
    let requestsPerConnection = Locked<[Int]>([])

    init(status: Int = 200, headers: [String: String] = ["Content-Type": "application/json"],
         body: String = #"{"result":{"sys_id":"a1","sys_mod_count":"2"}}"#, delay: Duration = .milliseconds(20)) throws {
        self.status = status
        extraHeaders = headers
        self.body = body
        self.delay = delay
        let socket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw LoopbackServer.StartError.socket(errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(socket, 64) == 0 else { close(socket); throw LoopbackServer.StartError.socket(errno) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        port = Int(UInt16(bigEndian: address.sin_port))
        listener = socket
        Thread { [self] in accepting() }.start()
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)") ?? Fake.instance }

    /// Stops accepting; open connections end when the client closes them.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func accepting() {
        while true {
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { return }
            let index = requestsPerConnection.withLock { counts in
                counts.append(0)
                return counts.count - 1
            }
            Thread { [self] in serve(connection, index: index) }.start()
        }
    }

    private func serve(_ connection: Int32, index: Int) {
        defer { close(connection) }
        var pending = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            // Headers, then as many body bytes as Content-Length says.
            var headerEnd: Int?
            while headerEnd == nil {
                headerEnd = Self.endOfHeaders(pending)
                if headerEnd != nil { break }
                let count = recv(connection, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                pending += buffer[0..<count]
            }
            guard let end = headerEnd else { return }
            let head = String(decoding: pending[0..<end], as: UTF8.self).lowercased()
            let length = head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            while pending.count < end + 4 + length {
                let count = recv(connection, &buffer, buffer.count, 0)
                guard count > 0 else { return }
                pending += buffer[0..<count]
            }
            pending.removeFirst(end + 4 + length)
            requestsPerConnection.withLock { $0[index] += 1 }
            Thread.sleep(forTimeInterval: Double(delay.components.attoseconds) / 1e18 + Double(delay.components.seconds))
            var lines = ["HTTP/1.1 \(status) Status", "Content-Length: \(body.utf8.count)", "Connection: keep-alive"]
            lines += extraHeaders.map { "\($0.key): \($0.value)" }
            let bytes = Array((lines.joined(separator: "\r\n") + "\r\n\r\n" + body).utf8)
            let sent = bytes.withUnsafeBytes { send(connection, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent == bytes.count else { return }
        }
    }

    private static func endOfHeaders(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }
}
