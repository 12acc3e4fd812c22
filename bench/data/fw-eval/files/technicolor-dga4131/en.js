                     '<p>If the problem persists, please contact the Customer Support.</p>',
            CLOSE: 'Close'
        },
        PAGES: {
            WIFI: {
                MAIN_NETWORK: {
                    TITLE: 'MAIN NETWORK (2,4 GHz and 5 GHz)',
                    TITLE_SHORT: 'MAIN NETWORK',
                    SSID_NETWORK_NAME: 'Network name (SSID)',
                    SSID_BROADCAST: 'Broadcast SSID',
                    WIFI_SECURITY_TYPE: 'Protection',
                    PASSWORD: 'Password',
                    PASSWORD_SECURITY_LABEL: 'Password strength:',
                    PASSWORD_SECURITY: {
                        NONE: '--',
                        LOW: 'Low',
                        MEDIUM: 'Medium',
                        HIGH: 'High',
                        VERY_HIGH: 'Very high'
                    },
                    PASSWORD_GENERATE_NOW: 'Generate a new password now',
