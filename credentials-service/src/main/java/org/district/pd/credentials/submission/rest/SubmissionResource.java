package org.district.pd.credentials.submission.rest;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.district.pd.credentials.CredentialsConfig;
import org.district.pd.credentials.submission.ReviewService;
import org.district.pd.credentials.submission.SubmissionService;
import org.district.pd.credentials.submission.SubmissionView;
import org.district.pd.credentials.submission.Upload;
import org.district.pd.platform.problem.Problem.Violation;
import org.district.pd.platform.problem.ProblemException;
import org.district.pd.platform.security.Roles;
import org.district.pd.platform.web.PageRequest;
import org.district.pd.platform.web.Parameters;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Evidence submissions: teachers submit (JSON for links and texts, multipart for files too) and withdraw, assessors
 * review what they are assigned, district admins watch the overdue list.
 */
@Path("/api/v1/credentials/submissions")
@SecurityRequirement(name = "SecurityScheme")
public class SubmissionResource {

    private final SubmissionService submissions;
    private final ReviewService reviews;
    private final CredentialsConfig config;
    private final Vertx vertx;

    SubmissionResource(SubmissionService submissions, ReviewService reviews, CredentialsConfig config, Vertx vertx) {
        this.submissions = submissions;
        this.reviews = reviews;
        this.config = config;
        this.vertx = vertx;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.TEACHER)
    public Uni<Response> submit(@NotNull @Valid NewSubmission submission) {
        return submissions.submit(submission, List.of()).map(SubmissionResource::created);
    }

    /** A submission with files: the part {@code submission} is the JSON, each file a part its artifact names. */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Roles.TEACHER)
    public Uni<Response> submitWithFiles(
            @RestForm("submission") @PartType(MediaType.APPLICATION_JSON) @NotNull @Valid NewSubmission submission,
            @RestForm(FileUpload.ALL) List<FileUpload> files) {
        List<FileUpload> uploads = files.stream().filter(file -> !"submission".equals(file.name())).toList();
        if (uploads.size() > config.uploads().maxFiles()) {
            throw ProblemException.invalid("files", "a submission has at most " + config.uploads().maxFiles()
                    + " files");
        }
        for (FileUpload file : uploads) {
            if (file.size() > config.uploads().maxFileBytes()) {
                throw new ProblemException(413, "Payload too large", file.name() + " (" + file.fileName() + ") is "
                        + file.size() + " bytes; a file may have at most " + config.uploads().maxFileBytes(),
                        List.of(new Violation(file.name(), "is larger than " + config.uploads().maxFileBytes()
                                + " bytes")));
            }
        }
        Uni<List<Upload>> read = Uni.createFrom().item(new ArrayList<>());
        for (FileUpload file : uploads) {
            read = read.flatMap(list -> vertx.fileSystem().readFile(file.uploadedFile().toString()).map(buffer -> {
                list.add(new Upload(file.name(), file.fileName(), file.contentType(), buffer.getBytes()));
                return list;
            }));
        }
        return read.flatMap(contents -> submissions.submit(submission, contents)).map(SubmissionResource::created);
    }

    /** The caller's own submissions, newest first. */
    @GET
    @RolesAllowed(Roles.TEACHER)
    public Uni<List<SubmissionView>> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return submissions.mine(paging.page(), paging.size());
    }

    /** The assessor's queue; {@code open=false} lists what they reviewed too. */
    @GET
    @Path("/assigned")
    @RolesAllowed(Roles.ASSESSOR)
    public Uni<List<SubmissionView>> assigned(@QueryParam("open") String open, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return submissions.assigned(Parameters.flag("open", open, true), paging.page(), paging.size());
    }

    /** Submissions under review past their turnaround target. */
    @GET
    @Path("/overdue")
    @RolesAllowed(Roles.DISTRICT_ADMIN)
    public Uni<List<SubmissionView>> overdue(@QueryParam("page") String page, @QueryParam("size") String size) {
        PageRequest paging = PageRequest.of(page, size);
        return submissions.overdue(paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.TEACHER, Roles.ASSESSOR, Roles.DISTRICT_ADMIN})
    public Uni<SubmissionView> get(@PathParam("id") String id) {
        return submissions.get(Parameters.uuid("id", id));
    }

    /** An uploaded file, as it was uploaded. */
    @GET
    @Path("/{id}/artifacts/{position}")
    @RolesAllowed({Roles.TEACHER, Roles.ASSESSOR, Roles.DISTRICT_ADMIN})
    public Uni<Response> file(@PathParam("id") String id, @PathParam("position") String position) {
        return submissions.file(Parameters.uuid("id", id),
                Parameters.wholeNumber("position", position, 0, 1, 1000))
                .map(file -> Response.ok(file.content(), file.contentType())
                        .header("Content-Disposition", "attachment; filename=\""
                                + file.fileName().replaceAll("[\"\\\\\r\n]", "_") + "\"")
                        .header("X-Checksum-SHA256", file.sha256())
                        .build());
    }

    @POST
    @Path("/{id}/withdrawal")
    @RolesAllowed(Roles.TEACHER)
    public Uni<SubmissionView> withdraw(@PathParam("id") String id) {
        return submissions.withdraw(Parameters.uuid("id", id));
    }

    @POST
    @Path("/{id}/review")
    @RolesAllowed(Roles.ASSESSOR)
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SubmissionView> review(@PathParam("id") String id, @NotNull @Valid ReviewBody review) {
        return reviews.review(Parameters.uuid("id", id), review);
    }

    private static Response created(SubmissionView view) {
        return Response.created(URI.create("/api/v1/credentials/submissions/" + view.id())).entity(view).build();
    }
}
