/// A phone number as people read it: "06 12 34 56 78", "+33 6 12 34 56 78", its pairs held
/// together by no-break spaces (a number is never split over two lines). Digits typed so far
/// are grouped the same way; anything that is not a number is left as it is.
public enum PhonePairs {
    public static func format(_ typed: String) -> String {
        let digits = typed.filter { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count + (typed.hasPrefix("+") ? 1 : 0) == typed.count else { return typed }
        var prefix = ""
        var rest = Substring(digits)
        if typed.hasPrefix("+") {
            // "+33" then the number without its 0: "+33 6 12 34 56 78".
            let country = rest.prefix(2)
            prefix = "+" + country + (rest.count > 2 ? "\u{00A0}" : "")
            rest = rest.dropFirst(2)
            if rest.count % 2 == 1 {
                prefix += String(rest.prefix(1)) + (rest.count > 1 ? "\u{00A0}" : "")
                rest = rest.dropFirst()
            }
        }
        var pairs: [String] = []
        while !rest.isEmpty {
            pairs.append(String(rest.prefix(2)))
            rest = rest.dropFirst(2)
        }
        return prefix + pairs.joined(separator: "\u{00A0}")
    }
}
