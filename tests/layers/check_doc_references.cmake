# Every document the code cites is in the repository: a name ending in .md in
# a file of include/ or plugin/ must exist, relative to the top of the tree
# or to the citing file's folder (the headers once cited a DESIGN.md that
# was never in the repository; plugin/README.md holds the architecture).
#   cmake -DSOURCE_DIR=<top> -P check_doc_references.cmake
file(GLOB_RECURSE files LIST_DIRECTORIES false
     ${SOURCE_DIR}/include/*.h ${SOURCE_DIR}/include/*.hpp
     ${SOURCE_DIR}/plugin/*.c ${SOURCE_DIR}/plugin/*.h ${SOURCE_DIR}/plugin/*.cc
     ${SOURCE_DIR}/plugin/*.cmake ${SOURCE_DIR}/plugin/*.txt ${SOURCE_DIR}/plugin/*.in
     ${SOURCE_DIR}/plugin/*.py)
set(missing "")
set(cited 0)
foreach(file IN LISTS files)
  file(STRINGS ${file} lines REGEX "[A-Za-z0-9_]\\.md([^A-Za-z0-9_]|$)")
  get_filename_component(dir ${file} DIRECTORY)
  file(RELATIVE_PATH shown ${SOURCE_DIR} ${file})
  foreach(line IN LISTS lines)
    string(REGEX MATCHALL "[A-Za-z0-9_./-]*[A-Za-z0-9_]\\.md" names "${line}")
    foreach(name IN LISTS names)
      math(EXPR cited "${cited} + 1")
      if(NOT EXISTS ${SOURCE_DIR}/${name} AND NOT EXISTS ${dir}/${name})
        string(APPEND missing "  ${shown} cites ${name}, which is not in the repository\n")
      endif()
    endforeach()
  endforeach()
endforeach()
if(missing)
  message(FATAL_ERROR "documents cited but missing:\n${missing}")
endif()
message(STATUS "${cited} citations of documents, each in the repository")
