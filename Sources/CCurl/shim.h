// CCurl: the system's libcurl (Debian: libcurl4-openssl-dev), for the CalDAV client.
// curl_easy_setopt and curl_easy_getinfo are variadic, which Swift cannot call: these typed
// inline wrappers are the only way in.
#include <curl/curl.h>

typedef size_t (*ccurl_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode ccurl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_set_callback(CURL *handle, CURLoption option, ccurl_callback value) {
    return curl_easy_setopt(handle, option, value);
}
static inline CURLcode ccurl_response_code(CURL *handle, long *code) {
    return curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, code);
}

// Macros with casts that Swift does not import.
static const long ccurl_auth_basic = (long)CURLAUTH_BASIC;
static const long ccurl_protocols_http = (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS);
