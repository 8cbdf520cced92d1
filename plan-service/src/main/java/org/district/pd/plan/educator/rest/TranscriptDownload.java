package org.district.pd.plan.educator.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.district.pd.plan.educator.Transcript;
import org.district.pd.plan.educator.TranscriptCsv;
import org.jboss.resteasy.reactive.RestResponse;

/** A transcript as a CSV download named after the educator. */
final class TranscriptDownload {

    private TranscriptDownload() {
    }

    static RestResponse<String> of(Transcript transcript) {
        String name = "transcript-" + transcript.educator().sourcedId().replaceAll("[^A-Za-z0-9._-]", "_") + ".csv";
        return RestResponse.ResponseBuilder.ok(TranscriptCsv.of(transcript), EducatorResource.CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=" + name).build();
    }
}
