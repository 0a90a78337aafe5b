package io.streamhub.tools.datasets;

/**
 * A kind of device a visitor pays from, with the identity columns it shows: {@code DeviceType},
 * {@code DeviceInfo}, OS ({@code id_30}), browser ({@code id_31}), colour depth ({@code id_32}) and screen
 * ({@code id_33}). A few Android {@code DeviceInfo} values hold a comma or a double quote, so the CSV quotes them.
 */
record Device(String type, Weighted info, Weighted os, Weighted browser, String depth, Weighted screen) {

  static final Weighted KINDS = Weighted.of("windows", 38).or("mac", 12).or("ios", 25).or("android", 22)
      .or("unknown", 3);

  private static final Device WINDOWS = new Device("desktop",
      Weighted.of("Windows", 80).or("Trident/7.0", 10).or("rv:11.0", 5).or("", 5),
      Weighted.of("Windows 10", 55).or("Windows 7", 35).or("Windows 8.1", 10),
      Weighted.of("chrome 63.0", 45).or("chrome 62.0", 15).or("firefox 57.0", 12).or("edge 16.0", 10)
          .or("ie 11.0 for desktop", 8).or("chrome 64.0", 10),
      "24.0",
      Weighted.of("1920x1080", 40).or("1366x768", 30).or("1536x864", 10).or("1440x900", 10).or("2560x1440", 5)
          .or("1600x900", 5));

  private static final Device MAC = new Device("desktop",
      Weighted.of("MacOS", 90).or("", 10),
      Weighted.of("Mac OS X 10_12_6", 35).or("Mac OS X 10_13_1", 30).or("Mac OS X 10_11_6", 20)
          .or("Mac OS X 10_13_2", 15),
      Weighted.of("chrome 63.0", 50).or("safari 11.0", 35).or("firefox 57.0", 15),
      "24.0",
      Weighted.of("1440x900", 35).or("2560x1600", 25).or("2880x1800", 20).or("1280x800", 20));

  private static final Device IOS = new Device("mobile",
      Weighted.of("iOS Device", 95).or("", 5),
      Weighted.of("iOS 11.1.2", 30).or("iOS 11.2.1", 25).or("iOS 11.2.0", 15).or("iOS 10.3.3", 20)
          .or("iOS 11.0.3", 10),
      Weighted.of("mobile safari 11.0", 55).or("mobile safari generic", 15).or("chrome 63.0 for ios", 15)
          .or("mobile safari 10.0", 15),
      "32.0",
      Weighted.of("2208x1242", 35).or("1334x750", 45).or("2436x1125", 10).or("1136x640", 10));

  private static final Device ANDROID = new Device("mobile",
      Weighted.of("SM-G930V Build/NRD90M", 15).or("SAMSUNG SM-G950U Build/NRD90M", 12)
          .or("SM-J700M Build/MMB29K", 10).or("Moto G (5) Plus, Build/NPNS25.137-93-14", 8).or("Galaxy \"S8\"", 7)
          .or("LG-K500 Build/MMB29M", 8).or("Moto E (4) Plus Build/NMA26.42-69", 8)
          .or("HUAWEI VNS-L53 Build/HUAWEIVNS-L53", 8).or("Pixel 2 Build/OPM1.171019.011", 5).or("", 10),
      Weighted.of("Android 7.0", 40).or("Android 6.0.1", 25).or("Android 8.0.0", 15).or("Android 7.1.1", 20),
      Weighted.of("chrome 63.0 for android", 60).or("samsung browser 6.2", 25).or("chrome 62.0 for android", 15),
      "32.0",
      Weighted.of("1920x1080", 35).or("2560x1440", 25).or("1280x720", 30).or("2220x1080", 10));

  private static final Device UNKNOWN = new Device("", Weighted.of("", 1), Weighted.of("", 1),
      Weighted.of("", 1), "", Weighted.of("", 1));

  static Device named(String kind) {
    return switch (kind) {
      case "windows" -> WINDOWS;
      case "mac" -> MAC;
      case "ios" -> IOS;
      case "android" -> ANDROID;
      case "unknown" -> UNKNOWN;
      default -> throw new IllegalArgumentException("no device kind " + kind);
    };
  }
}
