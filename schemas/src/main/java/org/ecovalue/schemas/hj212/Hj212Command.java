package org.ecovalue.schemas.hj212;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The known command codes (CN). A packet whose CN is not here is refused with {@code unknown-cn}
 * by a strict decoder.
 *
 * <p>Sources, per group below: REFERENCE.md §6.3 (main codes, after {@code caoyiliang/HJ212
 * HJ212/Enum.cs}); the full HJ 212-2017 command table as reproduced in {@code chenqi92/alltobs-hj212
 * src/main/java/com/alltobs/hj212/enums/Command.java} (1000–9014); the HJ/T 212-2005 codes that
 * 2017 dropped, as in {@code linqiu126/hcu hcusrc/l2codec/zhbhjt212msg.h}; and vendor extensions
 * seen in real packets of the acceptance data (testdata/hj212), each with the code that sends it.
 * Vendor codes are in the table so that real packets decode; they never carry monitoring data.
 */
public enum Hj212Command {
    // --- HJ 212-2017 initialisation and parameter commands ---
    SET_TIMEOUT_AND_RETRIES("1000", Kind.PARAMETER, "set timeout and retry count"),
    DEVICE_TIME("1011", Kind.PARAMETER, "get / upload device time"),
    SET_DEVICE_TIME("1012", Kind.PARAMETER, "set device time"),
    DEVICE_TIME_CALIBRATION_REQUEST("1013", Kind.PARAMETER, "device time calibration request"),
    REALTIME_INTERVAL("1061", Kind.PARAMETER, "get / upload real-time data interval"),
    SET_REALTIME_INTERVAL("1062", Kind.PARAMETER, "set real-time data interval"),
    MINUTE_INTERVAL("1063", Kind.PARAMETER, "get / upload minute data interval"),
    SET_MINUTE_INTERVAL("1064", Kind.PARAMETER, "set minute data interval"),
    SET_PASSWORD("1072", Kind.PARAMETER, "set device password"),

    // --- HJ 212-2017 data commands; the four DATA kinds carry pollutant values (REFERENCE §6.3) ---
    REALTIME_DATA("2011", Kind.DATA, "real-time pollutant data"),
    STOP_REALTIME_DATA("2012", Kind.STATUS, "stop real-time data"),
    RUNNING_STATE("2021", Kind.STATUS, "equipment running state"),
    STOP_RUNNING_STATE("2022", Kind.STATUS, "stop equipment running state"),
    DAILY_DATA("2031", Kind.DATA, "daily pollutant data"),
    RUNNING_TIME_DAILY("2041", Kind.STATUS, "equipment running-time daily history"),
    MINUTE_DATA("2051", Kind.DATA, "minute pollutant data"),
    HOURLY_DATA("2061", Kind.DATA, "hourly pollutant data"),
    LOGGER_RESTART_TIME("2081", Kind.STATUS, "data-logger restart time"),

    // --- HJ 212-2017 control commands ---
    ZERO_SPAN_CALIBRATION("3011", Kind.CONTROL, "zero / span calibration"),
    SAMPLE_NOW("3012", Kind.CONTROL, "immediate sampling"),
    START_CLEANING("3013", Kind.CONTROL, "start cleaning / back-blowing"),
    COMPARISON_SAMPLING("3014", Kind.CONTROL, "comparison sampling"),
    EXCEEDANCE_SAMPLE_KEEPING("3015", Kind.CONTROL, "keep sample on exceedance / upload its info"),
    SET_SAMPLING_PERIOD("3016", Kind.CONTROL, "set sampling period"),
    SAMPLING_PERIOD("3017", Kind.CONTROL, "get / upload sampling period"),
    SAMPLE_OUTPUT_TIME("3018", Kind.CONTROL, "get / upload sample output time"),
    DEVICE_ID("3019", Kind.CONTROL, "get / upload device unique id"),
    DEVICE_INFO("3020", Kind.CONTROL, "get / upload device information"),
    SET_DEVICE_PARAMETER("3021", Kind.CONTROL, "set device parameter"),
    // REFERENCE §6.3 gives the control range as 3011–3024; no public 2017 table we found lists
    // 3022–3024, so they are accepted with an unconfirmed meaning rather than refused.
    CONTROL_3022("3022", Kind.CONTROL, "control command (REFERENCE §6.3 range, meaning unconfirmed)"),
    CONTROL_3023("3023", Kind.CONTROL, "control command (REFERENCE §6.3 range, meaning unconfirmed)"),
    CONTROL_3024("3024", Kind.CONTROL, "control command (REFERENCE §6.3 range, meaning unconfirmed)"),

    // --- interaction (REFERENCE §6.3) ---
    REQUEST_RESPONSE("9011", Kind.INTERACTION, "request response (QnRtn)"),
    EXECUTION_RESULT("9012", Kind.INTERACTION, "execution result (ExeRtn)"),
    NOTIFICATION_ACK("9013", Kind.INTERACTION, "notification acknowledgement"),
    DATA_ACK("9014", Kind.INTERACTION, "data acknowledgement"),
    // HJ 212-2025 heartbeat, answered with 9013 (REFERENCE §6.3 and §6.8, confidence M)
    HEARTBEAT("9015", Kind.INTERACTION, "heartbeat (HJ 212-2025)"),

    // --- HJ/T 212-2005 codes that 2017 dropped (linqiu126/hcu zhbhjt212msg.h) ---
    ALARM_DURATION_2005("1001", Kind.PARAMETER, "set over-limit alarm duration (2005)"),
    ALARM_LIMITS_2005("1021", Kind.PARAMETER, "get pollutant alarm limits (2005)"),
    SET_ALARM_LIMITS_2005("1022", Kind.PARAMETER, "set pollutant alarm limits (2005)"),
    UPPER_ADDRESS_2005("1031", Kind.PARAMETER, "get upper-computer address (2005)"),
    SET_UPPER_ADDRESS_2005("1032", Kind.PARAMETER, "set upper-computer address (2005)"),
    REPORT_TIME_2005("1041", Kind.PARAMETER, "get data report time (2005)"),
    SET_REPORT_TIME_2005("1042", Kind.PARAMETER, "set data report time (2005)"),
    ALARM_RECORDS_2005("2071", Kind.STATUS, "get pollutant alarm records (2005)"),
    ALARM_EVENT_2005("2072", Kind.STATUS, "upload alarm event (2005)"),

    // --- vendor extensions seen in the acceptance packets (not in any standard) ---
    // Reverse-control register write (PolId, MB_BgnAddr, MB_Wrt): tang0-0/HJ212-Pack src/main.c,
    // testdata V44/V45; another public platform uses 3032 with PolId;SW;Val for the same purpose.
    REVERSE_CONTROL_WRITE("3032", Kind.VENDOR, "reverse-control write (vendor extension)"),
    // ZeTian NH3-N / COD analyser parameter queries over HJ/T 212-2005 framing (header keys such as
    // AL=, RA=, RCK= and an empty DataTime): Yimning/Daily-Code protocol/rtuacq_protocol_andan_ZeTian_
    // GBhjt2005.c and rtuacq_protocol_cod_ZeTian_GBhjt2005.c, testdata V05–V13, V16, X06.
    ZETIAN_5011("5011", Kind.VENDOR, "ZeTian analyser query of SC, A (vendor extension)"),
    ZETIAN_5012("5012", Kind.VENDOR, "ZeTian analyser query of RCK, RCB (vendor extension)"),
    ZETIAN_5015("5015", Kind.VENDOR, "ZeTian analyser query of AL (vendor extension)"),
    ZETIAN_5016("5016", Kind.VENDOR, "ZeTian analyser query of OTH, IST (vendor extension)"),
    ZETIAN_5019("5019", Kind.VENDOR, "ZeTian analyser query of RA, MRL, MRH (vendor extension)"),
    ZETIAN_5020("5020", Kind.VENDOR, "ZeTian analyser query of DTI (vendor extension)"),
    ZETIAN_5021("5021", Kind.VENDOR, "ZeTian analyser query of DTE (vendor extension)"),
    ZETIAN_5025("5025", Kind.VENDOR, "ZeTian analyser query of K2Cr2o7 (vendor extension)"),
    ZETIAN_5031("5031", Kind.VENDOR, "ZeTian analyser query of GS, A (vendor extension)"),
    ZETIAN_5033("5033", Kind.VENDOR, "ZeTian analyser query of CFk, CFb (vendor extension)"),
    ZETIAN_5051("5051", Kind.VENDOR, "ZeTian analyser query of SCS, CS, A, Dev, Sign (vendor extension)");

    /** What a command is about; only {@link #DATA} commands turn into observations. */
    public enum Kind { DATA, STATUS, PARAMETER, CONTROL, INTERACTION, VENDOR }

    private static final Map<String, Hj212Command> BY_CODE =
            Stream.of(values()).collect(Collectors.toUnmodifiableMap(Hj212Command::code, Function.identity()));

    private final String code;
    private final Kind kind;
    private final String meaning;

    Hj212Command(String code, Kind kind, String meaning) {
        this.code = code;
        this.kind = kind;
        this.meaning = meaning;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String meaning() {
        return meaning;
    }

    public boolean carriesData() {
        return kind == Kind.DATA;
    }

    /**
     * The CP suffix that holds a data command's value (REFERENCE §6.4): {@code Rtd} for real-time
     * data, {@code Avg} for the minute, hourly and daily statistics; empty for other commands.
     */
    public Optional<String> valueSuffix() {
        if (this == REALTIME_DATA) {
            return Optional.of("Rtd");
        }
        return carriesData() ? Optional.of("Avg") : Optional.empty();
    }

    public static Optional<Hj212Command> fromCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }
}
