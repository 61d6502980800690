# loa in a container, for staff and hosts without Rust (README: "Getting loa").
#
#   docker build -t loa .
#   docker run --rm -v "$PWD:/site" loa check
#   docker run --rm -v "$PWD:/site" loa build
#   docker run --rm -p 127.0.0.1:1111:1111 -v "$PWD:/site" loa serve --bind 0.0.0.0
#
# Two stages: the first compiles loa (Typst takes most of the time); the
# second holds the binary alone on a distroless base (glibc, CA certificates,
# /tmp, a non-root user, no shell or package manager).
# The files it writes in /site belong to uid 65532; add `--user "$(id -u):$(id -g)"`
# to `docker run` to write them as yourself.

FROM docker.io/library/rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
# The registry and the build folder are cached between builds (BuildKit);
# the binary is copied out of the cache, stripped.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin loa \
    && cp target/release/loa /loa \
    && strip /loa

FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /loa /usr/local/bin/loa
USER 65532:65532
WORKDIR /site
# loa serve's port (with --bind 0.0.0.0 inside the container).
EXPOSE 1111
ENTRYPOINT ["/usr/local/bin/loa"]
CMD ["--help"]
