# nf_layer(): one layer of plugin/ as a library, so that the build, not only
# the folders, keeps the layers apart (plugin/README.md, "Layers").
#
# Why: with plugin/ on the include path any file could include any header, so
# nothing stopped a lower layer from reaching up into a higher one or into
# another layer's private header.  Now plugin/ is on no include path.
#  - A layer's sources include their own headers by bare name ("buffer.h",
#    found next to the including file) and the public API as "newsfields/...".
#  - The headers a layer OFFERS to the layers above are linked (symbolic
#    links) into ${PROJECT_BINARY_DIR}/layers/<name>/<name>/, the include
#    directory that the layer gives whoever links it: "core/buffer.h" is found
#    only by a layer that links nf_core, and a header not offered (an
#    analyzer's *_internal.h) is found by no other layer at all.
#  - A layer links the lower layers it uses PRIVATE, so seeing a layer is not
#    passed on: a layer that includes "core/buffer.h" links nf_core itself.
# tests/layers/ proves it: an upward include and a private one fail to compile,
# and no layer's objects call a function of a layer it does not link (which
# the public headers, seen by all, would otherwise allow).
#
#   nf_layer(NAME <name> [FRONT_END] SOURCES <file>... [OFFERS <header>...]
#            [LINKS <target>...])
#
# makes nf_<name>: an OBJECT library whose objects go into libnewsfields
# (listed in the global property NF_LIBRARY_LAYERS), or with FRONT_END a static
# library for the command only.  LINKS are lower layers (nf_core, ...) and the
# outside libraries the layer itself calls.

# The public API, seen by every layer, front end, test and plug-in.
add_library(nf_public_api INTERFACE)
target_include_directories(nf_public_api INTERFACE ${PROJECT_SOURCE_DIR}/include)

# What every layer of the library is compiled with.
add_library(nf_library_build INTERFACE)
target_compile_definitions(nf_library_build INTERFACE NF_BUILDING_LIBRARY
  NF_VERSION_STRING="${PROJECT_VERSION}"
  NF_SCHEMA_INSTALL_DIR="${NF_SCHEMA_INSTALL_DIR}"
  NF_SCHEMA_SOURCE_DIR="${PROJECT_SOURCE_DIR}/schema")

function(nf_layer)
  cmake_parse_arguments(PARSE_ARGV 0 L "FRONT_END" "NAME" "SOURCES;OFFERS;LINKS")
  if(L_UNPARSED_ARGUMENTS OR NOT L_NAME OR NOT L_SOURCES)
    message(FATAL_ERROR "nf_layer: usage: nf_layer(NAME name SOURCES ... [OFFERS ...] [LINKS ...]),"
                        " not: ${ARGV}")
  endif()
  set(target nf_${L_NAME})
  if(L_FRONT_END)
    add_library(${target} STATIC ${L_SOURCES})
  else()
    add_library(${target} OBJECT ${L_SOURCES})
    target_link_libraries(${target} PRIVATE nf_library_build)
    set_property(GLOBAL APPEND PROPERTY NF_LIBRARY_LAYERS ${target})
  endif()

  # Made afresh at each configure, so that a header no longer offered is gone.
  set(offered ${PROJECT_BINARY_DIR}/layers/${L_NAME})
  file(REMOVE_RECURSE ${offered})
  file(MAKE_DIRECTORY ${offered}/${L_NAME})
  foreach(header IN LISTS L_OFFERS)
    if(NOT EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${header})
      message(FATAL_ERROR "nf_layer(${L_NAME}): offers ${header}, which is not in "
                          "${CMAKE_CURRENT_SOURCE_DIR}")
    endif()
    file(CREATE_LINK ${CMAKE_CURRENT_SOURCE_DIR}/${header} ${offered}/${L_NAME}/${header} SYMBOLIC)
  endforeach()
  target_include_directories(${target} INTERFACE ${offered})
  target_link_libraries(${target} PUBLIC nf_public_api PRIVATE ${L_LINKS})

  # The layers it links, for the test that its objects call no others.
  set(layers ${L_LINKS})
  list(FILTER layers INCLUDE REGEX "^nf_")
  set_property(GLOBAL PROPERTY NF_LAYER_LINKS_${target} ${layers})
endfunction()
