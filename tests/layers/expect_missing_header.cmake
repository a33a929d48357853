# Builds TARGET in BUILD_DIR and passes only if that fails because the
# compiler cannot find HEADER.
#   cmake -DBUILD_DIR=build -DTARGET=t -DHEADER=index/document.h -P expect_missing_header.cmake
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
  message(FATAL_ERROR "${TARGET} compiled: ${HEADER} should be out of its reach\n${output}")
endif()
string(REPLACE "." "\\." header_re "${HEADER}")
# GCC: "index/document.h: No such file or directory"; Clang: "'index/document.h' file not found".
if(NOT output MATCHES "${header_re}: No such file or directory" AND
   NOT output MATCHES "'${header_re}' file not found")
  message(FATAL_ERROR "${TARGET} failed, but not for want of ${HEADER}:\n${output}")
endif()
message(STATUS "${TARGET} does not compile: ${HEADER} is out of its reach, as it should be")
