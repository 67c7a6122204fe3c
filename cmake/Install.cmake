# What `cmake --install` puts where (GNUInstallDirs: /usr/local or the
# --prefix given), and the Debian package `cpack -G DEB` makes of it.
# The translations are compiled into the binary (ui/CMakeLists.txt), so no
# .qm files are installed. tests/install.cmake checks the layout and
# validates the desktop entry and the AppStream file.
include(GNUInstallDirs)

set(AELAB_APP_ID io.github.aelab.aelab)
if(AELAB_BUILD_GUI)
  install(FILES resources/${AELAB_APP_ID}.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
  install(FILES resources/${AELAB_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
  install(FILES resources/aelab.svg DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
  install(FILES resources/${AELAB_APP_ID}.mime.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/mime/packages
          RENAME ${AELAB_APP_ID}.xml)
endif()
install(FILES README.md LICENSE docs/NUMBERS.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# cpack -G DEB (run in the build folder): dependencies come from the
# binaries (dpkg-shlibdeps, from dpkg-dev), not from a hand-kept list.
set(CPACK_PACKAGE_NAME aelab)
set(CPACK_PACKAGE_VENDOR "aelab developers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Autoencoder Lab: train autoencoders and watch them learn")
set(CPACK_PACKAGE_CONTACT "aelab developers <aelab@users.noreply.github.com>")
set(CPACK_PACKAGE_HOMEPAGE_URL "https://github.com/aelab/aelab")
set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Qt finds its platform plugin at run time, which dpkg-shlibdeps cannot see;
# the default data is recommended, not required (File > Open works without it).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, fonts-wqy-microhei")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "python3-torch")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Autoencoder Lab: train autoencoders and watch them learn
 aelab trains the whole autoencoder family (undercomplete, deep, denoising,
 sparse, contractive, variational, adversarial, stacked, convolutional,
 masked, semantic hashing) in a background thread and plots loss curves, the
 latent map, reconstructions and denoising live. Runs can be compared, and a
 model can be handed on to PyTorch.")
include(CPack)
