using System;
using K6Scenarios.Model;

namespace K6Scenarios.Samples.Seeds.LoadTests;

/// <summary>
/// EasyMO (seed 002): voice-bridge and video-orchestrator, each with its own base URL, ramped 10 → 50 → 100 VUs over
/// 21 minutes. Rate limiting answers 429 by design, so 429 counts as expected in <c>http_req_failed</c>. Both services
/// answer <c>/health</c>, so those requests are named apart: one <c>name</c> tag would merge their time series.
/// </summary>
public static class EasyMo
{
    /// <summary>The voice-bridge service.</summary>
    public static readonly BaseUrl VoiceBridge = BaseUrl.FromEnvironment("VOICE_BRIDGE_URL", "http://localhost:3001");

    /// <summary>The video-orchestrator service.</summary>
    public static readonly BaseUrl VideoOrchestrator = BaseUrl.FromEnvironment("VIDEO_ORCHESTRATOR_URL", "http://localhost:3002");

    /// <summary>Failed checks of either service, as the original <c>errors</c> Rate.</summary>
    public static readonly RateMetric Errors = CustomMetric.Rate("errors");

    /// <summary>The baseline run of seed 002.</summary>
    [LoadTest]
    public static LoadTest Services() => LoadTest.Create("easymo-services")
        .Describe("EasyMO: voice-bridge and video-orchestrator, 10 to 50 to 100 VUs over 21 minutes (seed 002).")
        .AlsoExpectedStatuses(429)
        .Scenario("services", s => s
            .RampingVus(0, stages => stages
                .RampTo(10, TimeSpan.FromMinutes(2))
                .Hold(TimeSpan.FromMinutes(5))
                .RampTo(50, TimeSpan.FromMinutes(2))
                .Hold(TimeSpan.FromMinutes(5))
                .RampTo(100, TimeSpan.FromMinutes(2))
                .Hold(TimeSpan.FromMinutes(3))
                .RampTo(0, TimeSpan.FromMinutes(2)))
            .Flow(f => f
                .Group("voice-bridge", g => g
                    .Get(VoiceBridge, "/health", r => r.Named("voice-bridge /health").ExpectStatus(200).RecordFailureIn(Errors))
                    .Post(VoiceBridge, "/api/calls", r => r
                        .JsonBody(new { from = "+250780000001", to = "+250780000002", language = "rw" })
                        .ExpectStatus(201, 429)
                        .CheckDuration(TimeSpan.FromSeconds(1))
                        .RecordFailureIn(Errors)))
                .Group("video-orchestrator", g => g
                    .Get(VideoOrchestrator, "/health", r => r.Named("video-orchestrator /health").ExpectStatus(200).RecordFailureIn(Errors))
                    .Post(VideoOrchestrator, "/api/sessions", r => r
                        .JsonBody(new { template = "promo-15s", resolution = "720p" })
                        .ExpectStatus(202, 429)
                        .CheckBodyHas("sessionId")
                        .RecordFailureIn(Errors)))
                .ThinkTime(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3))))
        .Threshold(K6Metrics.HttpReqDuration.P(95) < 500)
        .Threshold(Errors.Rate < 0.1)
        .Threshold(K6Metrics.HttpReqFailed.Rate < 0.05)
        .Profile("smoke", p => p.Scale(vus: 0.01).Duration(TimeSpan.FromSeconds(10)))
        .Profile("soak", p => p.Scale(vus: 0.5).Duration(TimeSpan.FromHours(3)));
}
