using Microsoft.Net.Http.Headers;

namespace PartyWorkflow.Server.Http;

/// <summary>
/// The API takes JSON bodies only: anything else is 415 before a byte is read. This also keeps web
/// pages elsewhere from posting HTML forms to the API (a form cannot send <c>application/json</c>).
/// </summary>
public static class JsonOnly
{
    public static IApplicationBuilder UseJsonBodiesOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (hasBody && request.Path.StartsWithSegments("/api") && !IsJson(request.ContentType) && !IsUpload(request))
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status415UnsupportedMediaType,
                    Title = "请求正文须为 JSON（Content-Type: application/json） / The body must be JSON (Content-Type: application/json)",
                    Detail = $"Content-Type was '{request.ContentType ?? "(none)"}'",
                },
            });
            return;
        }
        await next(context);
    });

    /// <summary>
    /// A route that declares it takes a file (an <c>IFormFile</c> parameter declares multipart/form-data),
    /// such as the survey import.
    /// </summary>
    private static bool IsUpload(HttpRequest request) =>
        request.HasFormContentType
        && request.ContentType!.StartsWith("multipart/form-data", StringComparison.OrdinalIgnoreCase)
        && request.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes
            .Contains("multipart/form-data", StringComparer.OrdinalIgnoreCase) == true;

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.MediaType.Value?.EndsWith("+json", StringComparison.OrdinalIgnoreCase) == true)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
}
