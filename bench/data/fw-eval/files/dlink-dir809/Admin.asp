page_load();
RenderWarnings();
}
//]]>
</script>
<script type="text/javascript">
//<![CDATA[

var ingress_filter_options = [
	<%dumpInboundFilterList();%>  
];


var mf;
var admin_pwd = "<%getInfo("adminpasswd1");%>";
var user_pwd = "<%getInfo("userpasswd");%>";
	function page_load()
	{
			
displayOnloadPage("<%getInfo("ok_msg")%>"); 
			var local_debug = false;
			mf = document.forms.mainform;
			if (local_debug) {
				hide_all_ssi_tr();
				web_server_allow_wan_http_selector(false);
				return;
			}

			
				mf.password.value = aes_decrypt(admin_pwd);
				mf.password_verify.value = aes_decrypt(admin_pwd);
