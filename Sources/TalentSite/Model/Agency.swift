/// The agency that runs the site (`agency:` in site.yaml), named in every page's footer as gov.tw
/// sites do. `sample` marks placeholder details: while set, every page says it is a demonstration site.
public struct Agency: Sendable, Hashable {
    public var name: LocalizedText
    public var address: LocalizedText
    public var serviceHours: LocalizedText
    /// As printed (`(02) 2345-6789`); `tel` is the dialable form for the link.
    public var phone: String
    public var tel: String
    public var email: String
    public var sample: Bool

    public init(name: LocalizedText, address: LocalizedText, serviceHours: LocalizedText,
                phone: String, tel: String, email: String, sample: Bool) {
        self.name = name; self.address = address; self.serviceHours = serviceHours
        self.phone = phone; self.tel = tel; self.email = email; self.sample = sample
    }
}
