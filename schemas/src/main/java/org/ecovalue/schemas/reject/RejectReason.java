package org.ecovalue.schemas.reject;

/**
 * Every reason an input can be refused, with the stable code that appears in DLQ records
 * ({@code eco.ingest.dlq.reason}), CLI errors and metrics labels. Add codes; never rename them.
 */
public enum RejectReason {
    // payload level
    OVERSIZE_PAYLOAD("oversize-payload"),
    MALFORMED_JSON("malformed-json"),
    MISSING_FIELD("missing-field"),
    BAD_TIMESTAMP("bad-timestamp"),
    NO_READINGS("no-readings"),
    DUPLICATE_PARAMETER("duplicate-parameter"),
    UNKNOWN_PARAMETER("unknown-parameter"),
    UNKNOWN_UNIT("unknown-unit"),
    UNIT_NOT_CONVERTIBLE("unit-not-convertible"),
    NON_FINITE_VALUE("non-finite-value"),
    ABSURD_VALUE("absurd-value"),
    BAD_FLAG("bad-flag"),
    // identity
    STATION_MISMATCH("station-mismatch"),
    UNKNOWN_STATION("unknown-station"),
    // transport
    /** An MQTT topic outside {@code ecovalue/v1/{station}/obs|hj212}: ingest has no decoder for it. */
    UNSUPPORTED_TOPIC("unsupported-topic"),
    // HJ 212 framing and content
    BAD_FRAME("bad-frame"),
    BAD_LENGTH("bad-length"),
    BAD_CRC("bad-crc"),
    BYTE_SWAPPED_CRC("byte-swapped-crc"),
    MISSING_HEADER_FIELD("missing-header-field"),
    BAD_FLAG_FIELD("bad-flag-field"),
    UNKNOWN_CN("unknown-cn"),
    NOT_DATA_PACKET("not-data-packet"),
    MISSING_DATATIME("missing-datatime"),
    BAD_DATATIME("bad-datatime"),
    NON_NUMERIC_VALUE("non-numeric-value"),
    BAD_CP("bad-cp"),
    INCOMPLETE_SPLIT("incomplete-split"),
    /** PNUM/PNO of a split HJ 212 packet absent in pairs, not positive integers, or PNO > PNUM. */
    BAD_PACKET_NUMBER("bad-packet-number"),
    // offline assessment (`ecovalue assess`)
    BAD_ROW("bad-row"),
    BAD_WATERBODY("bad-waterbody"),
    BAD_LAND_USE("bad-land-use"),
    BAD_OFFICIAL_CLASS("bad-official-class"),
    NOTHING_TO_ASSESS("nothing-to-assess"),
    CLASS_MISMATCH("class-mismatch"),
    // registry records on eco.registry
    BAD_REGISTRY_ITEM("bad-registry-item");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    /** The stable kebab-case code. */
    public String code() {
        return code;
    }

    @Override
    public String toString() {
        return code;
    }
}
