# Embeds every GLSL file of a folder unchanged, as raw strings keyed by file name, so a driver error's line numbers
# point at the file in shaders/.
function(embed_shaders out_cpp shader_dir)
  file(GLOB shader_files CONFIGURE_DEPENDS ${shader_dir}/*.vert ${shader_dir}/*.frag)
  add_custom_command(
    OUTPUT ${out_cpp}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DFILES="${shader_files}" -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/WriteShaders.cmake
    DEPENDS ${shader_files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/WriteShaders.cmake
    COMMENT "Embedding shaders")
endfunction()
